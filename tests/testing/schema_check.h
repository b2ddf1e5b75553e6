// schema_check.h: validates JSON against a JSON Schema (draft 2020-12) in
// tests, with Debian's python3-jsonschema (scripts/install-deps installs it).
//
//   #include "testing/schema_check.h"
//   EXPECT_TRUE(storyline::test_support::MatchesJsonSchema(
//       json_text, storyline::test_support::BriefSchemaPath()));
//
// The validator runs as /usr/bin/python3 (the system interpreter that has
// the Debian module, not a pyenv one). A failure lists the validator's
// messages, each with the JSON path of the offending value. A missing
// interpreter or module is a failure too, never a silent pass.
//
// Header-only so that any test binary (including the CLI's) can use it.
// Thread-compatible: each call uses its own temporary file.
#ifndef STORYLINE_TESTS_TESTING_SCHEMA_CHECK_H_
#define STORYLINE_TESTS_TESTING_SCHEMA_CHECK_H_

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace storyline::test_support {

// The brief contract in machine form, in the source tree.
inline std::string BriefSchemaPath() {
  return std::string(STORYLINE_SOURCE_DIR) + "/schema/brief.schema.json";
}

// `s` as one single-quoted POSIX shell word.
inline std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char ch : s) {
    if (ch == '\'') {
      out += "'\\''";
    } else {
      out.push_back(ch);
    }
  }
  return out + "'";
}

// Validates the JSON document in file `json_path` against the schema in
// `schema_path`.
inline ::testing::AssertionResult JsonFileMatchesSchema(const std::string& json_path,
                                                        const std::string& schema_path) {
  // Lists at most 20 errors, each cut to 300 characters: the first few
  // locate a problem, and a whole brief echoed back would drown them.
  static constexpr const char* kScript =
      "import json, sys\n"
      "from jsonschema import Draft202012Validator\n"
      "schema = json.load(open(sys.argv[1], encoding=\"utf-8\"))\n"
      "Draft202012Validator.check_schema(schema)\n"
      "doc = json.load(open(sys.argv[2], encoding=\"utf-8\"))\n"
      "errors = sorted(Draft202012Validator(schema).iter_errors(doc),\n"
      "                key=lambda e: [str(p) for p in e.absolute_path])\n"
      "for e in errors[:20]:\n"
      "    where = \"/\".join(str(p) for p in e.absolute_path) or \"(root)\"\n"
      "    print(where + \": \" + e.message[:300])\n"
      "sys.exit(1 if errors else 0)\n";
  const std::string command = "/usr/bin/python3 -c " + ShellQuote(kScript) + " " +
                              ShellQuote(schema_path) + " " + ShellQuote(json_path) + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return ::testing::AssertionFailure() << "cannot run " << command;
  std::string output;
  char buf[4096];
  size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) output.append(buf, n);
  const int status = pclose(pipe);
  if (status == -1 || !WIFEXITED(status)) {
    return ::testing::AssertionFailure() << "validator did not finish: " << output;
  }
  if (WEXITSTATUS(status) != 0) {
    return ::testing::AssertionFailure()
           << json_path << " does not match " << schema_path << ":\n" << output;
  }
  return ::testing::AssertionSuccess();
}

// Validates `json_text` (written to a temporary file) against `schema_path`.
// On failure the file is kept and named in the message, for inspection.
inline ::testing::AssertionResult MatchesJsonSchema(const std::string& json_text,
                                                    const std::string& schema_path) {
  std::string path = (std::filesystem::temp_directory_path() / "storyline-json-XXXXXX").string();
  const int fd = mkstemp(path.data());
  if (fd < 0) return ::testing::AssertionFailure() << "mkstemp failed for " << path;
  close(fd);
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << json_text;
    if (!out) return ::testing::AssertionFailure() << "cannot write " << path;
  }
  ::testing::AssertionResult result = JsonFileMatchesSchema(path, schema_path);
  if (result) std::filesystem::remove(path);
  return result;
}

}  // namespace storyline::test_support

#endif  // STORYLINE_TESTS_TESTING_SCHEMA_CHECK_H_
