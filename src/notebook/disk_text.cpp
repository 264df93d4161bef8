#include "notebook/disk_text.hpp"

#include "notebook/cell_ids.hpp"
#include "notebook/disk_form.hpp"
#include "notebook/python_json.hpp"

#include <functional>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace docnb {
namespace {

using Member = std::pair<std::string_view, const Json*>;
// Writes a member's value its own way and returns true, or returns false to have it written
// as plain JSON.
using WriteMember = std::function<bool(std::string_view key, const Json& value, int level)>;

// Pieces of text go to the sink in chunks of about this size: the whole text is never held.
constexpr std::size_t chunk_bytes = std::size_t{1} << 20;

class DiskWriter {
public:
  explicit DiskWriter(const TextSink& sink) : sink_(sink) { out_.reserve(2 * chunk_bytes); }
  DiskWriter(const DiskWriter&) = delete;
  DiskWriter& operator=(const DiskWriter&) = delete;
  ~DiskWriter() { flush(); }

  void document(const Json& document) {
    if (!document.is_object()) return append_python_json(out_, document, 0);
    const std::vector<std::optional<std::string>> ids = cell_id_repairs(document);
    object(members(document, {}), 0, [&](std::string_view key, const Json& value, int level) {
      if (key == "metadata" && value.is_object()) {
        object(members(value, {"orig_nbformat", "orig_nbformat_minor", "signature"}), level,
               nothing_special);
        return true;
      }
      if (key != "cells" || !value.is_array()) return false;
      array(value.size(), level, [&](std::size_t k, int item_level) {
        cell(value[k], k < ids.size() ? ids[k] : std::nullopt, item_level);
      });
      return true;
    });
  }

private:
  void flush() {
    if (!out_.empty()) sink_(out_);
    out_.clear();
  }
  void flush_when_full() {
    if (out_.size() >= chunk_bytes) flush();
  }

  static bool nothing_special(std::string_view, const Json&, int) { return false; }

  // `object`'s members in key order (nlohmann's object is a std::map: byte order of UTF-8
  // keys is code point order, what sort_keys sorts by), less those in `left_out`.
  static std::vector<Member> members(const Json& object,
                                     std::initializer_list<std::string_view> left_out) {
    std::vector<Member> kept;
    for (const auto& [key, value] : object.items()) {
      if (std::find(left_out.begin(), left_out.end(), key) == left_out.end()) {
        kept.emplace_back(key, &value);
      }
    }
    return kept;
  }

  void object(const std::vector<Member>& members, int level, const WriteMember& write) {
    if (members.empty()) {
      out_ += "{}";
      return;
    }
    out_ += '{';
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (i > 0) out_ += ',';
      append_newline_indent(out_, level + 1);
      append_python_string(out_, members[i].first);
      out_ += ": ";
      if (!write(members[i].first, *members[i].second, level + 1)) {
        append_python_json(out_, *members[i].second, level + 1);
      }
      flush_when_full();
    }
    append_newline_indent(out_, level);
    out_ += '}';
  }

  void array(std::size_t size, int level, const std::function<void(std::size_t, int)>& item) {
    if (size == 0) {
      out_ += "[]";
      return;
    }
    out_ += '[';
    for (std::size_t i = 0; i < size; ++i) {
      if (i > 0) out_ += ',';
      append_newline_indent(out_, level + 1);
      item(i, level + 1);
      flush_when_full();
    }
    append_newline_indent(out_, level);
    out_ += ']';
  }

  // A string as nbformat's split_lines leaves it: a list of its lines.
  void lines(std::string_view text, int level) {
    bool first = true;
    for_each_python_line(text, [&](std::string_view line) {
      out_ += first ? "[" : ",";
      first = false;
      append_newline_indent(out_, level + 1);
      append_python_string(out_, line);
      flush_when_full();
    });
    if (first) {
      out_ += "[]";
      return;
    }
    append_newline_indent(out_, level);
    out_ += ']';
  }

  bool string_as_lines(const Json& value, int level) {
    if (!value.is_string()) return false;
    lines(value.get_ref<const std::string&>(), level);
    return true;
  }

  void mimebundle(const Json& bundle, int level) {
    object(members(bundle, {}), level, [&](std::string_view mime, const Json& value, int at) {
      return is_split_on_disk(mime) && string_as_lines(value, at);
    });
  }

  void cell(const Json& cell, const std::optional<std::string>& id, int level) {
    if (!cell.is_object()) return append_python_json(out_, cell, level);
    std::vector<Member> kept = members(cell, {});
    const Json new_id = id ? Json(*id) : Json();
    if (id) {
      const auto at =
          std::lower_bound(kept.begin(), kept.end(), Member{"id", nullptr},
                           [](const Member& a, const Member& b) { return a.first < b.first; });
      if (at != kept.end() && at->first == "id") {
        at->second = &new_id;
      } else {
        kept.insert(at, Member{"id", &new_id});
      }
    }
    const bool code = cell.value("cell_type", Json()) == "code";
    object(kept, level, [&](std::string_view key, const Json& value, int at) {
      if (key == "source") return string_as_lines(value, at);
      if (key == "metadata" && value.is_object()) {
        object(members(value, {"trusted"}), at, nothing_special);
        return true;
      }
      if (key == "attachments" && value.is_object()) {
        object(members(value, {}), at, [&](std::string_view, const Json& bundle, int inner) {
          if (!bundle.is_object()) return false;
          mimebundle(bundle, inner);
          return true;
        });
        return true;
      }
      if (key != "outputs" || !code || !value.is_array()) return false;
      array(value.size(), at, [&](std::size_t k, int inner) { output(value[k], inner); });
      return true;
    });
  }

  void output(const Json& output, int level) {
    if (!output.is_object()) return append_python_json(out_, output, level);
    const Json type = output.value("output_type", Json());
    const bool rich = type == "execute_result" || type == "display_data";
    object(members(output, {}), level, [&](std::string_view key, const Json& value, int at) {
      if (rich && key == "data" && value.is_object()) {
        mimebundle(value, at);
        return true;
      }
      return type == "stream" && key == "text" && string_as_lines(value, at);
    });
  }

  const TextSink& sink_;
  std::string out_; // what is not yet given to the sink
};

} // namespace

void write_disk_text(const Json& document, const TextSink& sink) {
  DiskWriter(sink).document(document);
}

std::string disk_text(const Json& document) {
  // Measured first, so that the text is made in one allocation of its exact size: growing it
  // would hold the old and the new buffer at once.
  std::size_t size = 0;
  write_disk_text(document, [&size](std::string_view piece) { size += piece.size(); });
  std::string text;
  text.reserve(size + 1); // and the final newline notebook_to_text adds
  write_disk_text(document, [&text](std::string_view piece) { text += piece; });
  return text;
}

} // namespace docnb
