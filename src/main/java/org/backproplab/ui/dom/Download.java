package org.backproplab.ui.dom;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * Files the page hands to the browser's downloads: text, a canvas as PNG, and an SVG drawing as PNG. Everything
 * happens in the page (a Blob, a hidden link with a download name), so it works offline and from file://.
 */
public final class Download {
    /** The longest side and the most pixels a picture gets: browsers refuse bigger canvases, and files get huge. */
    private static final double MAX_SIDE = 8192;
    private static final double MAX_PIXELS = 4096.0 * 4096.0;

    /** Hears whether a picture could be made (a browser may refuse to draw it, or run out of memory). */
    public interface Done {
        void done(boolean ok);
    }

    /** Hears from the page whether an SVG image was drawn. */
    @JSFunctor
    interface Drawn extends JSObject {
        void drawn(boolean ok);
    }

    /** Hears a Blob made in the page, or ok = false if the browser could not make it. */
    @JSFunctor
    interface BlobListener extends JSObject {
        void made(boolean ok, JSObject blob);
    }

    private Download() {
    }

    /** Offers text as a file with this name and MIME type. */
    public static void text(String name, String type, String text) {
        save(textBlob(text, type), name);
    }

    /** Offers a canvas's pixels as a PNG file. */
    public static void png(HTMLCanvasElement canvas, String name, Done done) {
        pngBlob(canvas, (ok, blob) -> {
            if (ok) {
                save(blob, name);
            }
            done.done(ok);
        });
    }

    /**
     * Draws a standalone SVG document (its styles inside it, as the graph view's exports write them) into a canvas, at twice
     * its size when that fits, and offers it as a PNG file.
     */
    public static void svgAsPng(String svg, double width, double height, String name, Done done) {
        double scale = Math.min(2, Math.min(MAX_SIDE / Math.max(width, height), Math.sqrt(MAX_PIXELS
                / (width * height))));
        HTMLCanvasElement canvas = (HTMLCanvasElement) Dom.el("canvas", "");
        canvas.setWidth(Math.max(1, (int) Math.round(width * scale)));
        canvas.setHeight(Math.max(1, (int) Math.round(height * scale)));
        drawSvg(svg, canvas, ok -> {
            if (ok) {
                png(canvas, name, done);
            } else {
                done.done(false);
            }
        });
    }

    @JSBody(params = {"text", "type"}, script = "return new Blob([text], {type: type});")
    private static native JSObject textBlob(String text, String type);

    /** A hidden link with the file's name, clicked: the browser saves the Blob (no dialog, no server). */
    @JSBody(params = {"blob", "name"}, script = "var bplUrl = URL.createObjectURL(blob);"
            + "var bplLink = document.createElement('a'); bplLink.href = bplUrl; bplLink.download = name;"
            + "bplLink.style.display = 'none'; document.body.appendChild(bplLink); bplLink.click(); bplLink.remove();"
            + "setTimeout(function () { URL.revokeObjectURL(bplUrl); }, 1000);")
    private static native void save(JSObject blob, String name);

    /** The canvas as PNG, on white: a plot's margins are transparent, which some viewers show black. */
    @JSBody(params = {"canvas", "listener"}, script = "try { var bplFlat = document.createElement('canvas');"
            + "bplFlat.width = canvas.width; bplFlat.height = canvas.height; var bplG = bplFlat.getContext('2d');"
            + "bplG.fillStyle = '#ffffff'; bplG.fillRect(0, 0, bplFlat.width, bplFlat.height);"
            + "bplG.drawImage(canvas, 0, 0);"
            + "bplFlat.toBlob(function (bplBlob) { listener(!!bplBlob, bplBlob); }, 'image/png'); }"
            + "catch (bplError) { listener(false, null); }")
    private static native void pngBlob(HTMLCanvasElement canvas, BlobListener listener);

    /**
     * Draws SVG text over the whole canvas. The image comes from a data: URL, which the browser draws without
     * marking the canvas as foreign (so toBlob still works), from file:// too.
     */
    @JSBody(params = {"svg", "canvas", "done"}, script = "var bplImage = new Image();"
            + "bplImage.onload = function () { var bplG = canvas.getContext('2d');"
            + "try { bplG.drawImage(bplImage, 0, 0, canvas.width, canvas.height); done(true); }"
            + "catch (bplError) { done(false); } };"
            + "bplImage.onerror = function () { done(false); };"
            + "bplImage.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);")
    private static native void drawSvg(String svg, HTMLCanvasElement canvas, Drawn done);
}
