#!/usr/bin/env python3
# Used to turn the @fontsource WOFF files into the TrueType files of server/tools/plate-fonts (see its README).
"""Converts a WOFF 1.0 font (zlib-compressed sfnt tables) back into a plain TrueType/OpenType file."""
import struct, sys, zlib

def convert(src, dst):
    data = open(src, 'rb').read()
    sig, flavor, length, num_tables = struct.unpack('>4sIIH', data[:14])
    if sig != b'wOFF':
        sys.exit(f'{src}: not a WOFF 1.0 file')
    tables = []
    for i in range(num_tables):
        tag, off, comp, orig, checksum = struct.unpack('>4sIIII', data[44 + 20 * i:64 + 20 * i])
        raw = data[off:off + comp]
        tables.append((tag, checksum, zlib.decompress(raw) if comp < orig else raw))
    tables.sort(key=lambda t: t[0])
    power = 1
    while power * 2 <= num_tables:
        power *= 2
    out = bytearray(struct.pack('>IHHHH', flavor, num_tables, power * 16, power.bit_length() - 1,
                                num_tables * 16 - power * 16))
    offset = 12 + 16 * num_tables
    body = bytearray()
    for tag, checksum, table in tables:
        out += struct.pack('>4sIII', tag, checksum, offset + len(body), len(table))
        body += table + b'\0' * (-len(table) % 4)
    open(dst, 'wb').write(out + body)

if __name__ == '__main__':
    convert(sys.argv[1], sys.argv[2])
