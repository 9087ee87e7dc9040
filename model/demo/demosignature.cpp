#include "demosignature.h"

#include "demorandom.h"

#include <QtEndian>

#include <array>
#include <vector>

namespace saferhomes {

namespace {

constexpr int kRowBytes = (DemoSignature::kWidth + 7) / 8;

/// The CRC-32 that PNG chunks end with (ISO 3309, as zlib computes it).
quint32 crc32(const QByteArray &bytes)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t {};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 crc = 0xffffffffu;
    for (const char byte : bytes)
        crc = table[(crc ^ quint8(byte)) & 0xff] ^ (crc >> 8);
    return crc ^ 0xffffffffu;
}

void appendUint32(QByteArray *out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out->append(bytes, 4);
}

void appendChunk(QByteArray *png, const char *type, const QByteArray &data)
{
    appendUint32(png, quint32(data.size()));
    const QByteArray body = QByteArray(type, 4) + data;
    png->append(body);
    appendUint32(png, crc32(body));
}

/// \a data as a zlib stream of one stored (uncompressed) deflate block: a signature is 1.5 KiB,
/// and setting up a compressor for each (qCompress) cost more than the rest of its consent.
QByteArray storedZlib(const QByteArray &data)
{
    static_assert((kRowBytes + 1) * DemoSignature::kHeight <= 0xffff, "one stored block");
    const auto size = quint16(data.size());
    QByteArray out;
    out.reserve(data.size() + 11);
    out.append(char(0x78)); // deflate, 32 KiB window
    out.append(char(0x01)); // no dictionary, fastest; 0x7801 is a multiple of 31
    out.append(char(0x01)); // the final block, stored
    out.append(char(size & 0xff));
    out.append(char(size >> 8));
    out.append(char(~size & 0xff));
    out.append(char((~size >> 8) & 0xff));
    out.append(data);
    quint32 a = 1;
    quint32 b = 0;
    for (const char byte : data) {
        a = (a + quint8(byte)) % 65521;
        b = (b + a) % 65521;
    }
    appendUint32(&out, (b << 16) | a); // Adler-32
    return out;
}

/// One bit per pixel, 1 for the white paper, rows top to bottom.
class Bitmap {
public:
    Bitmap()
        : m_bits(size_t(kRowBytes) * DemoSignature::kHeight, 0xff)
    { }

    /// Inks a 2 × 2 dot of the pen at (\a x, \a y), clipped to the paper.
    void dot(double x, double y)
    {
        for (int dy = 0; dy < 2; ++dy) {
            for (int dx = 0; dx < 2; ++dx) {
                const int px = int(x) + dx;
                const int py = int(y) + dy;
                if (px < 0 || py < 0 || px >= DemoSignature::kWidth || py >= DemoSignature::kHeight)
                    continue;
                m_bits[size_t(py * kRowBytes + px / 8)] &= quint8(~(0x80 >> (px % 8)));
            }
        }
    }

    /// The image data as PNG filters it: each row behind a filter byte (0, none).
    QByteArray scanlines() const
    {
        QByteArray raw;
        raw.reserve((kRowBytes + 1) * DemoSignature::kHeight);
        for (int y = 0; y < DemoSignature::kHeight; ++y) {
            raw.append('\0');
            raw.append(reinterpret_cast<const char *>(&m_bits[size_t(y * kRowBytes)]), kRowBytes);
        }
        return raw;
    }

private:
    std::vector<quint8> m_bits;
};

} // namespace

QByteArray DemoSignature::png(DemoRandom &r)
{
    // A run of quadratic curves left to right, like a hand that loops up and down.
    Bitmap bitmap;
    double x = r.between(8, 24);
    double y = r.between(25, 42);
    for (int k = r.between(5, 8); k > 0 && x < kWidth - 20; --k) {
        const double controlX = x + r.between(8, 20);
        const double controlY = r.between(2, kHeight - 4);
        const double endX = controlX + r.between(8, 20);
        const double endY = r.between(15, kHeight - 12);
        for (int step = 0; step <= 48; ++step) {
            const double t = step / 48.0;
            const double u = 1 - t;
            bitmap.dot(u * u * x + 2 * u * t * controlX + t * t * endX,
                       u * u * y + 2 * u * t * controlY + t * t * endY);
        }
        x = endX;
        y = endY;
    }

    QByteArray header;
    appendUint32(&header, kWidth);
    appendUint32(&header, kHeight);
    header.append(char(1)); // bit depth
    header.append(char(0)); // greyscale
    header.append(char(0)); // deflate
    header.append(char(0)); // adaptive filtering
    header.append(char(0)); // not interlaced
    const QByteArray zlib = storedZlib(bitmap.scanlines());

    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    appendChunk(&png, "IHDR", header);
    appendChunk(&png, "IDAT", zlib);
    appendChunk(&png, "IEND", {});
    return png;
}

} // namespace saferhomes
