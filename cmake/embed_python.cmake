# Python that docnb compiles in lives in .py files; this puts them into C++ raw string literals.
# docnb_embed_python(TEMPLATE OUTPUT VAR FILE [VAR FILE ...]) reads each FILE into @VAR@ of
# TEMPLATE (whose literals are delimited R"docnb_py(...)docnb_py") and writes OUTPUT; editing
# any FILE reconfigures, as for the kernel's Python (kernel/CMakeLists.txt).
function(docnb_embed_python template output)
  set(pairs ${ARGN})
  while(pairs)
    list(POP_FRONT pairs var file)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${file})
    file(READ ${file} content)
    string(FIND "${content}" ")docnb_py\"" delimiter)
    if(NOT delimiter EQUAL -1)
      message(FATAL_ERROR "${file} contains )docnb_py\", which would end its C++ literal")
    endif()
    set(${var} "${content}")
  endwhile()
  configure_file(${template} ${output} @ONLY)
endfunction()

# The converters' Python (converters/python_sources.hpp), for docnb and for the fuzz targets.
function(docnb_embed_converters_python root output)
  set(dir ${root}/converters/python)
  docnb_embed_python(${root}/converters/python_sources.cpp.in ${output}
    DOCNB_PY_DOCSTRING_EXTRACT ${dir}/docstring_extract.py
    DOCNB_PY_DOCSTRING_PARSE ${dir}/docstring_parse.py
    DOCNB_PY_MODULE_PATH ${dir}/module_path.py
    DOCNB_PY_SPHINX_CONF ${dir}/sphinx_conf.py
    DOCNB_PY_FRESH_NAMESPACE ${dir}/fresh_namespace.py
    DOCNB_PY_DOCTEST_PART ${dir}/doctest_part.py)
endfunction()
