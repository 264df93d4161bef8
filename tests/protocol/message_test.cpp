#include <catch2/catch.hpp>

#include "protocol/message.hpp"

using namespace docnb;

TEST_CASE("a message survives its wire form, identities and buffers included", "[protocol]") {
  const Signer signer("k");
  Message message = make_request("execute_request", {{"code", "1+1"}}, "session-1");
  message.identities = {"id-1"};
  message.buffers = {std::string("\0\1binary", 8)};
  message.parent_header = {{"msg_id", "parent-1"}};
  std::vector<std::string> frames = to_frames(message, signer);
  REQUIRE(frames.size() == 8);
  CHECK(frames[1] == "<IDS|MSG>");

  Result<Message> parsed = from_frames(frames, signer);
  REQUIRE(parsed.ok());
  CHECK(parsed->identities == message.identities);
  CHECK(parsed->msg_type() == "execute_request");
  CHECK(parsed->msg_id() == message.msg_id());
  CHECK(parsed->parent_msg_id() == "parent-1");
  CHECK(parsed->header["version"] == "5.3");
  CHECK(parsed->header["session"] == "session-1");
  CHECK(parsed->content["code"] == "1+1");
  CHECK(parsed->buffers == message.buffers);
}

TEST_CASE("malformed wire messages are errors, never messages", "[protocol]") {
  const Signer signer("k");
  const Message message = make_request("status", {{"execution_state", "idle"}}, "s");
  std::vector<std::string> frames = to_frames(message, signer);

  SECTION("no delimiter") {
    frames.erase(frames.begin());
    CHECK_FALSE(from_frames(frames, signer).ok());
  }
  SECTION("missing frames") {
    frames.resize(4);
    CHECK_FALSE(from_frames(frames, signer).ok());
  }
  SECTION("content changed after signing") {
    frames[5] = R"({"execution_state":"busy"})";
    CHECK_FALSE(from_frames(frames, signer).ok());
  }
  SECTION("signed JSON that is not an object") {
    frames[5] = "[1,2]";
    frames[1] = signer.sign({frames[2], frames[3], frames[4], frames[5]});
    CHECK_FALSE(from_frames(frames, signer).ok());
  }
}

TEST_CASE("uuids are version 4 and dates are ISO 8601 UTC with microseconds", "[protocol]") {
  const std::string id = new_uuid();
  CHECK(id.size() == 36);
  CHECK(id[14] == '4');
  CHECK(new_uuid() != id);
  const std::string date = iso8601_now();
  CHECK(date.size() == 27);
  CHECK(date[10] == 'T');
  CHECK(date.back() == 'Z');
}
