// SHA-256 against FIPS 180-2's vectors, fed whole and piece by piece, and the length prefix
// that keeps cache-key fields apart.
#include "support/sha256.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace docnb;

TEST_CASE("sha256_hex gives the standard digests", "[sha256]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("a digest fed in pieces equals the digest of the whole", "[sha256]") {
  const std::string million(1'000'000, 'a');
  Sha256 digest;
  for (std::size_t at = 0; at < million.size(); at += 4096)
    digest.update(std::string_view(million).substr(at, 4096));
  CHECK(digest.hex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256_digest is the 32 raw bytes of the hex digest", "[sha256]") {
  const std::string raw = sha256_digest("abc");
  REQUIRE(raw.size() == 32);
  CHECK(static_cast<unsigned char>(raw[0]) == 0xba);
  CHECK(static_cast<unsigned char>(raw[31]) == 0xad);
}

TEST_CASE("fields are length-prefixed so their boundaries count", "[sha256]") {
  Sha256 first;
  first.field("ab");
  first.field("c");
  Sha256 second;
  second.field("a");
  second.field("bc");
  const std::string a = first.hex();
  CHECK(a != second.hex());
  CHECK(a.size() == 64);
  // An empty field is a field.
  Sha256 none;
  Sha256 empty;
  empty.field("");
  CHECK(none.hex() != empty.hex());
  // A moved digest carries on where the original stopped.
  Sha256 original;
  original.update("ab");
  Sha256 moved(std::move(original));
  moved.update("c");
  CHECK(moved.hex() == sha256_hex("abc"));
}
