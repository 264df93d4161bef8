#include "engine/converted_sources.hpp"

#include "converters/docstring.hpp"
#include "support/sha256.hpp"

#include <sys/stat.h>

namespace docnb {
namespace fs = std::filesystem;
namespace {

// The running executable's size and modification time: a build of another converter differs
// even when the version number does not.
std::string executable_identity() {
  struct stat status {};
  if (::stat("/proc/self/exe", &status) != 0) return DOCNB_VERSION;
  return std::to_string(status.st_size) + "@" + std::to_string(status.st_mtim.tv_sec) + "." +
         std::to_string(status.st_mtim.tv_nsec);
}

std::string stored_form(const converters::Converted& converted) {
  const Json stored{{"notebook", converted.notebook.document}, {"warnings", converted.warnings}};
  return stored.dump(-1, ' ', false, Json::error_handler_t::strict);
}

std::optional<converters::Converted> from_stored_form(const std::string& text,
                                                      const fs::path& path) {
  Json stored = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!stored.is_object() || !stored["notebook"].is_object() ||
      !stored["notebook"]["cells"].is_array() || !stored["warnings"].is_array()) {
    return std::nullopt;
  }
  converters::Converted converted;
  converted.kind = converters::SourceKind::docstring;
  converted.notebook = Notebook{path, std::move(stored["notebook"])};
  for (const Json& warning : stored["warnings"]) {
    if (!warning.is_string()) return std::nullopt;
    converted.warnings.push_back(warning.get<std::string>());
  }
  return converted;
}

// Whether the notebook can be stored as JSON text: a docstring decoded by Python is UTF-8, so
// this fails only on a converter bug, and then the conversion is simply not kept.
std::optional<std::string> storable(const converters::Converted& converted) {
  try {
    return stored_form(converted);
  } catch (const Json::type_error&) {
    return std::nullopt;
  }
}

} // namespace

std::string conversion_key(const fs::path& path, std::string_view bytes,
                           const converters::ConvertOptions& options) {
  const converters::DocstringOptions& docstrings = options.docstrings;
  std::error_code error;
  Sha256 digest;
  digest.field(DOCNB_VERSION);
  digest.field(executable_identity());
  digest.field(path.string());
  digest.field(fs::current_path(error).string());
  digest.field(converters::module_name_of(path));
  digest.field(sha256_hex(bytes));
  digest.field(Json{{"style", static_cast<int>(docstrings.style)},
                    {"analysis", static_cast<int>(docstrings.analysis)},
                    {"attach_calls", docstrings.attach_calls},
                    {"global_exec", docstrings.global_exec},
                    {"options", docstrings.options},
                    {"exclude", docstrings.exclude},
                    {"rules", static_cast<int>(converters::docstring_rules(options.rules))}}
                   .dump(-1, ' ', false, Json::error_handler_t::replace));
  return digest.hex();
}

Result<converters::Converted> convert_source_cached(const fs::path& path, std::string bytes,
                                                    const converters::ConvertOptions& options,
                                                    Cache* cache, const fs::path& project_root) {
  if (cache == nullptr ||
      converters::source_kind(path, bytes, options) != converters::SourceKind::docstring) {
    return converters::convert_source(path, std::move(bytes), options);
  }
  const std::string id = source_id(path, project_root);
  const std::string key = conversion_key(path, bytes, options);
  if (const std::optional<std::string> stored = cache->lookup_conversion(id, key)) {
    if (std::optional<converters::Converted> converted = from_stored_form(*stored, path)) {
      converted->original = std::move(bytes);
      return std::move(*converted);
    }
  }
  Result<converters::Converted> converted =
      converters::convert_source(path, std::move(bytes), options);
  if (converted) {
    if (const std::optional<std::string> text = storable(*converted)) {
      (void)cache->store_conversion(id, key, *text);
    }
  }
  return converted;
}

} // namespace docnb
