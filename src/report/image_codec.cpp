#include "report/image_codec.hpp"

#include <csetjmp>
#include <cstdio>
#include <jpeglib.h>
#include <png.h>

namespace docnb {
namespace {

bool too_large(std::size_t width, std::size_t height) {
  return width == 0 || height == 0 || width > largest_decoded_image / height;
}

// libjpeg reports errors by calling error_exit, which must not return: it jumps back to
// decode_jpeg_into.
struct JpegErrors {
  jpeg_error_mgr manager;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

// Warnings (a truncated file) are not printed: the caller reports what matters.
void jpeg_silent(j_common_ptr /*info*/) {}

[[noreturn]] void jpeg_error_exit(j_common_ptr info) {
  auto* errors = reinterpret_cast<JpegErrors*>(info->err);
  (*info->err->format_message)(info, errors->message);
  std::longjmp(errors->jump, 1);
}

// Fills `pixels` from a started decompression; false when the image is too large.
bool read_scanlines(jpeg_decompress_struct& info, Pixels& pixels) {
  info.out_color_space = JCS_EXT_RGBA;
  jpeg_start_decompress(&info);
  if (too_large(info.output_width, info.output_height)) return false;
  pixels.width = info.output_width;
  pixels.height = info.output_height;
  pixels.rgba.resize(pixels.width * pixels.height * 4);
  while (info.output_scanline < info.output_height) {
    JSAMPROW row = pixels.rgba.data() + std::size_t{info.output_scanline} * pixels.width * 4;
    jpeg_read_scanlines(&info, &row, 1);
  }
  jpeg_finish_decompress(&info);
  return true;
}

enum class JpegRead { decoded, too_large, broken };

// Only trivially destructible locals here: a libjpeg error jumps back to the setjmp.
JpegRead decode_jpeg_into(std::string_view bytes, Pixels& pixels, JpegErrors& errors) {
  jpeg_decompress_struct info{};
  info.err = jpeg_std_error(&errors.manager);
  errors.manager.error_exit = jpeg_error_exit;
  errors.manager.output_message = jpeg_silent;
  if (setjmp(errors.jump) != 0) {
    jpeg_destroy_decompress(&info);
    return JpegRead::broken;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&info, TRUE);
  const bool decoded = read_scanlines(info, pixels);
  jpeg_destroy_decompress(&info);
  return decoded ? JpegRead::decoded : JpegRead::too_large;
}

} // namespace

Result<Pixels> decode_png(std::string_view bytes) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()) == 0) {
    return Error{std::string("not a PNG image: ") + image.message, ""};
  }
  if (too_large(image.width, image.height)) {
    png_image_free(&image);
    return Error{"PNG image too large to compare", ""};
  }
  image.format = PNG_FORMAT_RGBA;
  Pixels pixels;
  pixels.width = image.width;
  pixels.height = image.height;
  pixels.rgba.resize(PNG_IMAGE_SIZE(image));
  if (png_image_finish_read(&image, nullptr, pixels.rgba.data(), 0, nullptr) == 0) {
    return Error{std::string("broken PNG image: ") + image.message, ""};
  }
  return pixels;
}

Result<Pixels> decode_jpeg(std::string_view bytes) {
  Pixels pixels;
  JpegErrors errors{};
  switch (decode_jpeg_into(bytes, pixels, errors)) {
  case JpegRead::decoded:
    return pixels;
  case JpegRead::too_large:
    return Error{"JPEG image too large to compare", ""};
  case JpegRead::broken:
    break;
  }
  return Error{std::string("broken JPEG image: ") + errors.message, ""};
}

Result<Pixels> decode_image(std::string_view mime, std::string_view bytes) {
  if (mime == "image/png") return decode_png(bytes);
  if (mime == "image/jpeg") return decode_jpeg(bytes);
  return Error{"no decoder for " + std::string(mime), ""};
}

Result<std::string> encode_png(const Pixels& pixels) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(pixels.width);
  image.height = static_cast<png_uint_32>(pixels.height);
  image.format = PNG_FORMAT_RGBA;
  png_alloc_size_t size = 0;
  if (png_image_write_to_memory(&image, nullptr, &size, 0, pixels.rgba.data(), 0, nullptr) == 0) {
    return Error{std::string("cannot encode PNG: ") + image.message, ""};
  }
  std::string png(size, '\0');
  if (png_image_write_to_memory(&image, png.data(), &size, 0, pixels.rgba.data(), 0, nullptr) ==
      0) {
    return Error{std::string("cannot encode PNG: ") + image.message, ""};
  }
  png.resize(size);
  return png;
}

} // namespace docnb
