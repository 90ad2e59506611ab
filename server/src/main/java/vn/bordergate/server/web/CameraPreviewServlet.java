package vn.bordergate.server.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import vn.bordergate.server.camera.MjpegPreview;
import vn.bordergate.server.security.Actor;
import vn.bordergate.server.security.TokenService;

/**
 * {@code GET /api/cameras/preview/{code}}: a camera's live picture with the plates it read boxed,
 * as MJPEG so a workstation or a browser {@code <img>} shows it. Officers only; a browser that can't
 * send the header passes the token as {@code access_token}.
 */
public final class CameraPreviewServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient TokenService tokens;
    private final transient Function<String, Optional<MjpegPreview>> previews;
    private final transient BooleanSupplier camerasRunning;

    /**
     * @param camerasRunning false once the cameras stop: a preview then ends, so a stopping server does not wait
     *     for its viewers (a preview never ends on its own, and Jetty's graceful stop waits for requests)
     */
    public CameraPreviewServlet(
            TokenService tokens, Function<String, Optional<MjpegPreview>> previews, BooleanSupplier camerasRunning) {
        this.tokens = tokens;
        this.previews = previews;
        this.camerasRunning = camerasRunning;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String header = request.getHeader("Authorization");
        Optional<Actor> actor = AuthenticationFilter.bearer(header)
                .or(() -> Optional.ofNullable(request.getParameter("access_token")))
                .flatMap(tokens::verify);
        if (actor.isEmpty()) {
            response.sendError(401, "log in first: the camera preview needs a valid token");
            return;
        }
        if (!actor.get().role().isOfficer() && actor.get().role() != vn.bordergate.common.workflow.Role.ADMINISTRATOR) {
            response.sendError(403, "camera previews are for officers");
            return;
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String code = path.replaceFirst("^/", "").replaceFirst("\\.mjpg$", "");
        Optional<MjpegPreview> preview = code.isEmpty() || code.contains("/") ? Optional.empty() : previews.apply(code);
        if (preview.isEmpty()) {
            response.sendError(404, "no running camera '" + code + "'");
            return;
        }
        response.setContentType(MjpegPreview.CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        try {
            preview.get().stream(
                    response.getOutputStream(),
                    () -> camerasRunning.getAsBoolean()
                            && !Thread.currentThread().isInterrupted());
        } catch (IOException | InterruptedException viewerLeft) {
            // the viewer closed the picture: nothing to answer
        }
    }
}
