// ipykernel_zygote.py, compiled into docnb (generated from ipykernel_zygote_source.cpp.in), so
// that docnb needs no file of its own at run time: it writes the zygote into its private
// runtime folder when a run starts one.
#pragma once

#include <string_view>

namespace docnb {

std::string_view ipykernel_zygote_source();

} // namespace docnb
