#include "io/gifwriter.h"

#include "io/atomicfile.h"
#include "io/errors.h"

#include <gif_lib.h>
#include <array>
#include <cstdint>
#include <memory>
#include <string>

namespace cryosr {

namespace {

struct Output {
    AtomicFile file;
    std::uint64_t offset = 0;
    std::string error; ///< why a write failed (an exception must not cross giflib's C frames)
};

int writeBytes(GifFileType* gif, const GifByteType* bytes, int count)
{
    auto* output = static_cast<Output*>(gif->UserData);
    try {
        output->file.writeAt(output->offset, bytes, std::size_t(count));
    } catch (const std::exception& e) {
        output->error = e.what();
        return 0; // giflib reports E_GIF_ERR_WRITE_FAILED
    }
    output->offset += std::uint64_t(count);
    return count;
}

struct GifCloser {
    void operator()(GifFileType* gif) const { EGifCloseFile(gif, nullptr); }
};

void check(int status, GifFileType* gif, const std::filesystem::path& target)
{
    if (status != GIF_ERROR)
        return;
    const auto* output = static_cast<const Output*>(gif->UserData);
    if (!output->error.empty())
        throw FileError(target.string(), output->error);
    const char* reason = GifErrorString(gif->Error);
    throw FileError(target.string(), std::string("GIF: ") + (reason ? reason : "write failed"));
}

} // namespace

void writeAnimatedGif(const std::filesystem::path& target, int width, int height,
                      const std::vector<std::vector<unsigned char>>& frames, int delayCentiseconds)
{
    if (frames.empty())
        throw ArgumentError("no frames to write");
    if (width <= 0 || height <= 0 || width > 65535 || height > 65535)
        throw ArgumentError("a GIF frame must be 1 to 65535 pixels per side");
    for (const auto& frame : frames)
        if (frame.size() != std::size_t(width) * std::size_t(height))
            throw ArgumentError("every GIF frame must be width × height bytes");

    Output output{AtomicFile(target), 0, {}};
    int error = 0;
    std::unique_ptr<GifFileType, GifCloser> gif(EGifOpen(&output, writeBytes, &error));
    if (!gif)
        throw FileError(target.string(), std::string("GIF: ") + GifErrorString(error));
    std::array<GifColorType, 256> grey;
    for (int i = 0; i < 256; ++i)
        grey[std::size_t(i)] = {GifByteType(i), GifByteType(i), GifByteType(i)};
    ColorMapObject* palette = GifMakeMapObject(256, grey.data());
    EGifSetGifVersion(gif.get(), true);
    const int described = EGifPutScreenDesc(gif.get(), width, height, 8, 0, palette); // copies the palette
    GifFreeMapObject(palette);
    check(described, gif.get(), target);

    // NETSCAPE2.0 application block: loop forever.
    const GifByteType application[] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
    const GifByteType loop[] = {1, 0, 0};
    check(EGifPutExtensionLeader(gif.get(), APPLICATION_EXT_FUNC_CODE), gif.get(), target);
    check(EGifPutExtensionBlock(gif.get(), sizeof application, application), gif.get(), target);
    check(EGifPutExtensionBlock(gif.get(), sizeof loop, loop), gif.get(), target);
    check(EGifPutExtensionTrailer(gif.get()), gif.get(), target);

    for (const auto& frame : frames) {
        GraphicsControlBlock control{DISPOSAL_UNSPECIFIED, false, delayCentiseconds, NO_TRANSPARENT_COLOR};
        GifByteType extension[4];
        const std::size_t length = EGifGCBToExtension(&control, extension);
        check(EGifPutExtension(gif.get(), GRAPHICS_EXT_FUNC_CODE, int(length), extension), gif.get(), target);
        check(EGifPutImageDesc(gif.get(), 0, 0, width, height, false, nullptr), gif.get(), target);
        for (int y = 0; y < height; ++y)
            check(EGifPutLine(gif.get(), const_cast<GifByteType*>(frame.data() + std::size_t(y) * width), width), gif.get(),
                  target);
    }
    const int closed = EGifCloseFile(gif.release(), &error); // writes the trailer and frees
    if (closed == GIF_ERROR)
        throw FileError(target.string(), output.error.empty() ? std::string("GIF: ") + GifErrorString(error) : output.error);
    output.file.commit();
}

} // namespace cryosr
