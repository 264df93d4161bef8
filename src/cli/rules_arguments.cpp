#include "cli/rules_arguments.hpp"

#include "check/rule_set.hpp"
#include "converters/sphinx_conf.hpp"
#include "support/atomic_file.hpp"

namespace docnb::cli {

namespace {

Status apply_rule(const std::string& text, converters::SourceRules& rules) {
  const std::size_t equals = text.find('=');
  const std::string kind = equals == std::string::npos ? "" : text.substr(0, equals);
  const std::string name = equals == std::string::npos ? text : text.substr(equals + 1);
  const std::optional<check::RuleSet> set = check::rule_set_named(name);
  if (!set) return Error{"rules must be xdoctest, stdlib or sphinx, not '" + name + "'", text};
  if (kind.empty() || kind == "docstring") rules.docstring = set;
  if (kind.empty() || kind == "rst") rules.rst = set;
  if (kind.empty() || kind == "markdown") rules.markdown = set;
  if (!kind.empty() && kind != "docstring" && kind != "rst" && kind != "markdown") {
    return Error{"source kinds are docstring, rst and markdown, not '" + kind + "'", text};
  }
  return Done{};
}

// "ELLIPSIS | NORMALIZE_WHITESPACE" (Sphinx's spelling) or a directive list, as directives.
Result<std::string> default_flags(const std::string& text, const std::string& where) {
  std::string list = text;
  for (char& c : list)
    if (c == '|') c = ',';
  Result<std::vector<check::Directive>> parsed = check::parse_directive_list(list);
  if (!parsed) return Error{parsed.error().message, where};
  std::string flags;
  for (const check::Directive& directive : *parsed) {
    if (auto unknown = check::unknown_directive(directive)) return Error{*unknown, where};
    flags +=
        (flags.empty() ? "" : ", ") + std::string(directive.enabled ? "+" : "-") + directive.name;
  }
  return flags;
}

Result<converters::SphinxConf> sphinx_conf_of(const RulesArguments& args,
                                              const ProjectConfig& project) {
  std::filesystem::path path;
  if (args.sphinx_conf) {
    path = *args.sphinx_conf;
  } else if (project.sphinx_conf) {
    path = project.file.parent_path() / *project.sphinx_conf;
  } else {
    return converters::SphinxConf{};
  }
  Result<std::string> text = read_file_bytes(path);
  if (!text) return text.error();
  return converters::parse_sphinx_conf(*text, path.string());
}

std::string joined_code(const std::string& first, const std::optional<std::string>& second) {
  if (!second || second->empty()) return first;
  return first.empty() ? *second : first + "\n" + *second;
}

} // namespace

void add_rules_options(CLI::App& command, RulesArguments& args) {
  command
      .add_option("--rules", args.rules,
                  "Whose rules judge doctest examples: xdoctest, stdlib or sphinx, for every "
                  "kind of source or as KIND=SET for one (docstring, rst, markdown; repeatable)")
      ->allow_extra_args(false);
  command.add_option("--sphinx-conf", args.sphinx_conf,
                     "A Sphinx conf.py whose doctest_global_setup, doctest_global_cleanup and "
                     "doctest_default_flags apply (read, never run)");
}

Result<converters::SourceRules> to_source_rules(const RulesArguments& args,
                                                const ProjectConfig& project,
                                                const DocstringArguments& docstrings,
                                                std::vector<std::string>& warnings) {
  converters::SourceRules rules;
  for (const std::vector<std::string>* list : {&project.rules, &args.rules}) {
    for (const std::string& text : *list) {
      if (Status applied = apply_rule(text, rules); !applied) return applied.error();
    }
  }
  Result<converters::SphinxConf> conf = sphinx_conf_of(args, project);
  if (!conf) return conf.error();
  warnings.insert(warnings.end(), conf->warnings.begin(), conf->warnings.end());
  rules.options = docstrings.options.value_or("");
  rules.global_setup =
      joined_code(docstrings.global_exec.value_or(""),
                  project.doctest_global_setup ? project.doctest_global_setup : conf->global_setup);
  rules.global_cleanup = joined_code(
      "", project.doctest_global_cleanup ? project.doctest_global_cleanup : conf->global_cleanup);
  const std::optional<std::string> flags =
      project.doctest_default_flags ? project.doctest_default_flags : conf->default_flags;
  if (flags) {
    Result<std::string> parsed = default_flags(*flags, "doctest_default_flags");
    if (!parsed) return parsed.error();
    rules.sphinx_default_flags = *parsed;
  }
  const bool sphinx_settings = conf->global_setup || conf->global_cleanup || conf->default_flags ||
                               project.doctest_default_flags;
  if (sphinx_settings && rules.rst.value_or(check::RuleSet::sphinx) != check::RuleSet::sphinx) {
    warnings.emplace_back("doctest_default_flags applies to the sphinx rule set only, and rst "
                          "pages are judged by " +
                          std::string(check::to_string(*rules.rst)));
  }
  return rules;
}

std::optional<converters::SourceRules> source_rules_or_report(const RulesArguments& args,
                                                              const ProjectConfig& project,
                                                              const DocstringArguments& docstrings,
                                                              std::ostream& err) {
  std::vector<std::string> warnings;
  Result<converters::SourceRules> rules = to_source_rules(args, project, docstrings, warnings);
  for (const std::string& warning : warnings)
    err << "docnb: warning: " << warning << "\n";
  if (!rules) {
    err << "docnb: error: " << rules.error().describe() << "\n";
    return std::nullopt;
  }
  return std::move(rules).value();
}

} // namespace docnb::cli
