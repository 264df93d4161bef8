// A kernel's message whose fields have other types than the spec's, or that nests deeper than
// docnb reads, is refused where it is parsed: never an exception or a stack overflow later.
#include "protocol/message.hpp"
#include "protocol/message_fields.hpp"
#include "support/json_depth.hpp"

#include <catch2/catch.hpp>

using namespace docnb;
using Catch::Contains;

namespace {

// The frames of a message from a kernel, signed with `signer`, with its parts as given.
std::vector<std::string> frames_of(const Json& header, const Json& content, const Signer& signer) {
  Message message;
  message.header = header;
  message.content = content;
  return to_frames(message, signer);
}

std::string refusal(const Json& header, const Json& content) {
  const Signer signer("k");
  const Result<Message> parsed = from_frames(frames_of(header, content, signer), signer);
  REQUIRE_FALSE(parsed.ok());
  return parsed.error().message;
}

} // namespace

TEST_CASE("message_fields: a header field of another type is refused, not thrown later",
          "[protocol]") {
  // Found by fuzz_message: msg_type() threw nlohmann's type_error out of the executor.
  CHECK(refusal({{"msg_type", 5}}, Json::object()) ==
        "malformed message: header.msg_type must be a string");
  CHECK_THAT(refusal({{"msg_type", "status"}, {"msg_id", Json::array()}}, Json::object()),
             Contains("header.msg_id"));
  const Signer signer("k");
  std::vector<std::string> frames =
      frames_of({{"msg_type", "status"}}, {{"execution_state", "idle"}}, signer);
  frames[3] = R"({"msg_id": {"nested": 1}})";
  frames[1] = signer.sign({frames[2], frames[3], frames[4], frames[5]});
  CHECK_THAT(from_frames(frames, signer).error().message, Contains("parent_header.msg_id"));
}

TEST_CASE("message_fields: output contents follow the spec and nbformat", "[protocol]") {
  CHECK_THAT(refusal({{"msg_type", "stream"}}, {{"name", "stdout"}, {"text", {"a", "b"}}}),
             Contains("content.text must be a string"));
  CHECK_THAT(refusal({{"msg_type", "error"}}, {{"traceback", {"line", 2}}}),
             Contains("content.traceback must be a list of strings"));
  CHECK_THAT(refusal({{"msg_type", "display_data"}}, {{"data", {{"text/plain", 1}}}}),
             Contains("content.data must be"));
  CHECK_THAT(refusal({{"msg_type", "execute_result"}}, {{"execution_count", "3"}}),
             Contains("content.execution_count"));
  CHECK_THAT(refusal({{"msg_type", "clear_output"}}, {{"wait", "yes"}}), Contains("wait"));
  CHECK_THAT(refusal({{"msg_type", "status"}}, {{"execution_state", 0}}),
             Contains("execution_state"));
  CHECK_THAT(refusal({{"msg_type", "execute_reply"}},
                     {{"status", "ok"}, {"user_expressions", {{"value", {{"data", 1}}}}}}),
             Contains("content.user_expressions.value.data"));
}

TEST_CASE("message_fields: what kernels really send is accepted", "[protocol]") {
  CHECK_FALSE(wrong_field_type({{"msg_type", "stream"}, {"msg_id", "a"}}, Json::object(),
                               {{"name", "stdout"}, {"text", "hi\n"}}));
  CHECK_FALSE(
      wrong_field_type({{"msg_type", "display_data"}}, {{"msg_id", "p"}},
                       {{"data",
                         {{"text/plain", {"a\n", "b"}},
                          {"image/png", "iVBOR"},
                          {"application/json", {{"any", {1, 2}}}},
                          {"application/vnd.jupyter.widget-view+json", {{"model_id", "m"}}}}},
                        {"metadata", Json::object()},
                        {"transient", {{"display_id", "d"}}}}));
  CHECK_FALSE(wrong_field_type({{"msg_type", "execute_result"}}, Json::object(),
                               {{"execution_count", nullptr}, {"data", Json::object()}}));
  // Comm messages carry any JSON in their data: only output data are mimebundles.
  CHECK_FALSE(wrong_field_type({{"msg_type", "comm_msg"}}, Json::object(),
                               {{"data", {{"state", {{"value", 1}}}}}}));
  CHECK_FALSE(wrong_field_type(
      {{"msg_type", "execute_reply"}}, Json::object(),
      {{"status", "ok"},
       {"execution_count", 3},
       {"user_expressions", {{"value", {{"status", "ok"}, {"data", {{"text/plain", "1"}}}}}}}}));
}

TEST_CASE("message_fields: a frame nested deeper than docnb reads is refused", "[protocol]") {
  const Signer signer("k");
  std::vector<std::string> frames =
      frames_of({{"msg_type", "display_data"}}, Json::object(), signer);
  frames[5] = R"({"data": {"application/json": )" + std::string(100'000, '[') +
              std::string(100'000, ']') + "}}";
  frames[1] = signer.sign({frames[2], frames[3], frames[4], frames[5]});
  const Result<Message> parsed = from_frames(frames, signer);
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error().message == "message frame 3 is nested deeper than 500 levels");
  frames[5] = R"({"data": {"application/json": )" + std::string(max_json_depth - 2, '[') +
              std::string(max_json_depth - 2, ']') + "}}";
  frames[1] = signer.sign({frames[2], frames[3], frames[4], frames[5]});
  CHECK(from_frames(frames, signer).ok());
}
