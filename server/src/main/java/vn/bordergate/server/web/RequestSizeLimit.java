package vn.bordergate.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import vn.bordergate.common.dto.ApiError;

/**
 * Refuses bodies over the limit with a JSON 413 that the client can actually read: the rest of the
 * refused body is read and dropped (up to {@code drainLimit}) before answering. Answering early and
 * closing, as Jetty's own size limit does, makes TCP reset the connection while the client is still
 * sending, and the client never sees the answer. Any body an answered request left unread is read to
 * its end too, so the keep-alive connection stays usable for the client's next request.
 */
public final class RequestSizeLimit extends HttpFilter {
    private static final long serialVersionUID = 1L;

    private final long limit;
    private final long drainLimit;
    private final transient ObjectMapper json;

    public RequestSizeLimit(long limit, long drainLimit, ObjectMapper json) {
        this.limit = limit;
        this.drainLimit = drainLimit;
        this.json = json;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > limit) {
            drain(request.getInputStream());
            refuse(response);
            return;
        }
        Counted counted = new Counted(request, limit);
        chain.doFilter(counted, response);
        if (counted.exceeded) {
            // also when the 413 is already committed: left unread, the rest of the body makes Jetty close the
            // connection under a client still sending, and the reset can beat the answer to it
            drain(request.getInputStream());
        } else if (hasBody(request) && !request.isAsyncStarted()) {
            drainQuietly(request);
        }
    }

    /**
     * Reads what an answered request left of its body (a 401/403 answered before the body was read, a 400 on the
     * first bad JSON token). Jetty ends a keep-alive connection whose request body is not consumed when the
     * exchange completes; the answer is already committed then, so it goes out without {@code Connection: close},
     * and the client's next request on that pooled connection fails with no answer at all.
     */
    private void drainQuietly(HttpServletRequest request) {
        try {
            drain(request.getInputStream());
        } catch (IOException | IllegalStateException e) {
            // the client went away (Jetty closes the connection anyway), or the body was read as text: nothing left
        }
    }

    /** A client waiting for "100 Continue" sends no body after a final answer: nothing to wait for there. */
    private static boolean hasBody(HttpServletRequest request) {
        return (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null)
                && !"100-continue".equalsIgnoreCase(request.getHeader("Expect"));
    }

    private void drain(InputStream in) throws IOException {
        // nearly every answered request has read its body to the end already: a 64 KB buffer for each of them was a
        // fifth of all the server allocated under paced plate reads (session 20's flight recording), and more young
        // collections, each a pause of every event socket's writes
        if (in.read() < 0) {
            return;
        }
        byte[] buffer = new byte[64 * 1024];
        long read = 1;
        for (int n; read < drainLimit && (n = in.read(buffer)) > 0; ) {
            read += n;
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(413);
        response.setContentType("application/json");
        json.writeValue(
                response.getOutputStream(),
                new ApiError(
                        413,
                        "too_large",
                        "the request body is too large (at most " + limit / 1024 + " KB)",
                        List.of()));
    }

    /** A body without a length (chunked) is counted as it is read, and refused once past the limit. */
    private static final class Counted extends HttpServletRequestWrapper {
        private final long limit;
        private boolean exceeded;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = in.read(b, off, len);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) throws IOException {
                        count += n;
                        if (count > limit) {
                            exceeded = true;
                            throw new BodyTooLargeException();
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }

    /** Reading went past the limit; the one exception mapper answers 413. */
    static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super("request body over the limit");
        }
    }
}
