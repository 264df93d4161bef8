#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "client/connection.hpp"
#include "support/temp_dir.hpp"

using namespace docnb;

TEST_CASE("connection files are private and complete", "[client]") {
  Result<TempDir> dir = TempDir::create("docnb-test");
  REQUIRE(dir.ok());
  struct stat folder {};
  REQUIRE(stat(dir->path().c_str(), &folder) == 0);
  CHECK((folder.st_mode & 0777) == 0700);

  ConnectionInfo info;
  info.ports = {5001, 5002, 5003, 5004, 5005};
  info.key = "abc";
  const auto file = dir->path() / "kernel.json";
  REQUIRE(write_connection_file(info, file).ok());
  struct stat written {};
  REQUIRE(stat(file.c_str(), &written) == 0);
  CHECK((written.st_mode & 0777) == 0600);
  const nlohmann::json json = nlohmann::json::parse(std::ifstream(file));
  CHECK(json["ip"] == "127.0.0.1");
  CHECK(json["shell_port"] == 5001);
  CHECK(json["hb_port"] == 5005);
  CHECK(json["key"] == "abc");
  CHECK(json["signature_scheme"] == "hmac-sha256");
  // Never replaced: a second write to the same name fails.
  CHECK_FALSE(write_connection_file(info, file).ok());
}

TEST_CASE("reserved ports are never handed out twice by one allocator", "[client]") {
  PortAllocator allocator;
  std::set<int> seen;
  for (int kernel = 0; kernel < 40; ++kernel) {
    Result<PortReservation> reservation = allocator.reserve();
    REQUIRE(reservation.ok());
    for (int port : reservation->ports()) {
      CHECK(port > 0);
      CHECK(seen.insert(port).second);
    }
    reservation->release();  // released ports are still remembered
  }
  CHECK(seen.size() == 200);
}
