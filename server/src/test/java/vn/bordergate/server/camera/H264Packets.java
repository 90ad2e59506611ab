package vn.bordergate.server.camera;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * H.264 for the loopback RTSP camera: an Annex-B file cut into access units, sent as RTP per RFC 6184
 * (single NAL unit packets, FU-A fragments above {@value #MAX_PAYLOAD} bytes) interleaved in the RTSP
 * connection (RFC 2326, 10.12).
 */
final class H264Packets {
    private static final int MAX_PAYLOAD = 1400;
    private static final int SSRC = 0x5eed1234;

    private H264Packets() {}

    /** Splits a raw Annex-B H.264 file into access units (one per picture, parameter sets with the IDR). */
    static List<List<byte[]>> accessUnits(Path annexB) throws IOException {
        byte[] data = Files.readAllBytes(annexB);
        List<byte[]> nals = new ArrayList<>();
        int start = -1;
        for (int i = 0; i + 3 <= data.length; i++) {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
                if (start >= 0) {
                    nals.add(withoutTrailingZeros(data, start, i));
                }
                start = i + 3;
                i += 2;
            }
        }
        nals.add(withoutTrailingZeros(data, start, data.length));
        List<List<byte[]>> units = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        for (byte[] nal : nals) {
            current.add(nal);
            int type = nal[0] & 0x1f;
            if (type == 1 || type == 5) { // openh264 writes one slice per picture: the picture ends here
                units.add(current);
                current = new ArrayList<>();
            }
        }
        return units;
    }

    private static byte[] withoutTrailingZeros(byte[] data, int from, int to) {
        while (to > from && data[to - 1] == 0) {
            to--; // the leading zero of a four-byte start code belongs to no NAL unit
        }
        return Arrays.copyOfRange(data, from, to);
    }

    /** The SDP format parameters announcing the parameter sets, as cameras send them. */
    static String fmtp(List<byte[]> firstUnit) {
        byte[] sps =
                firstUnit.stream().filter(n -> (n[0] & 0x1f) == 7).findFirst().orElseThrow();
        byte[] pps =
                firstUnit.stream().filter(n -> (n[0] & 0x1f) == 8).findFirst().orElseThrow();
        Base64.Encoder base64 = Base64.getEncoder();
        return "packetization-mode=1;profile-level-id=" + HexFormat.of().formatHex(sps, 1, 4) + ";sprop-parameter-sets="
                + base64.encodeToString(sps) + "," + base64.encodeToString(pps);
    }

    /** Sends one access unit on interleaved channel 0; returns the next RTP sequence number. */
    static int send(OutputStream out, List<byte[]> unit, int timestamp, int sequence) throws IOException {
        for (int n = 0; n < unit.size(); n++) {
            boolean lastNal = n == unit.size() - 1;
            byte[] nal = unit.get(n);
            if (nal.length <= MAX_PAYLOAD) {
                packet(out, sequence++, timestamp, lastNal, new byte[0], nal, 0, nal.length);
                continue;
            }
            byte indicator = (byte) ((nal[0] & 0xe0) | 28); // FU-A
            for (int offset = 1; offset < nal.length; offset += MAX_PAYLOAD) {
                int length = Math.min(MAX_PAYLOAD, nal.length - offset);
                boolean end = offset + length == nal.length;
                byte header = (byte) ((offset == 1 ? 0x80 : 0) | (end ? 0x40 : 0) | (nal[0] & 0x1f));
                byte[] prefix = {indicator, header};
                packet(out, sequence++, timestamp, lastNal && end, prefix, nal, offset, length);
            }
        }
        return sequence;
    }

    private static void packet(
            OutputStream out,
            int sequence,
            int timestamp,
            boolean marker,
            byte[] prefix,
            byte[] data,
            int offset,
            int length)
            throws IOException {
        int size = 12 + prefix.length + length;
        ByteArrayOutputStream frame = new ByteArrayOutputStream(4 + size);
        frame.write('$');
        frame.write(0);
        frame.write(size >> 8);
        frame.write(size);
        frame.write(0x80); // RTP version 2
        frame.write((marker ? 0x80 : 0) | 96);
        frame.write(sequence >> 8);
        frame.write(sequence);
        for (int shift = 24; shift >= 0; shift -= 8) {
            frame.write(timestamp >> shift);
        }
        for (int shift = 24; shift >= 0; shift -= 8) {
            frame.write(SSRC >> shift);
        }
        frame.write(prefix, 0, prefix.length);
        frame.write(data, offset, length);
        synchronized (out) { // RTSP answers go out on the same connection
            frame.writeTo(out);
            out.flush();
        }
    }
}
