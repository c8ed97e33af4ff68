#pragma once
// The micrograph view's GLSL 3.30 core shaders: every tile is one quad generated from gl_VertexID (no
// vertex buffer); window/level, colour map, split comparison and overlay are the fragment shader's
// only per-frame work, so a contrast change costs one redraw and never an upload.

// Draws one tile as a quad generated from gl_VertexID.
inline constexpr const char* kViewVertexShader = R"(#version 330 core
uniform vec4 tileRect;   // x, y, width, height in image pixels
uniform vec2 texelShare; // of the texture's width and height the tile's pixels fill (< 1: a partial last block)
uniform vec3 transform;  // widget = image * transform.x + transform.yz (logical pixels)
uniform vec2 viewSize;   // logical pixels
out vec2 uv;
out vec2 imagePos;       // image pixels, for the overlays that cover the whole image
void main() {
    vec2 corner = vec2(gl_VertexID & 1, gl_VertexID >> 1);
    uv = corner * texelShare;
    imagePos = tileRect.xy + corner * tileRect.zw;
    vec2 widget = (tileRect.xy + corner * tileRect.zw) * transform.x + transform.yz;
    gl_Position = vec4(widget.x / viewSize.x * 2.0 - 1.0, 1.0 - widget.y / viewSize.y * 2.0, 0.0, 1.0);
})";

// Window/level and colour map; with LAYERS defined (kLayersDefine), also the split comparison and the
// overlay. Views without either, nearly all frames, use the program without them: llvmpipe runs both
// sides of a branch, so the layers' two extra texture reads cost every pixel (~20 % of a frame).
// The source follows kFragmentPreamble and, for the layers, kLayersDefine.
inline constexpr const char* kFragmentPreamble = "#version 330 core\n";
inline constexpr const char* kLayersDefine = "#define LAYERS\n";
inline constexpr const char* kViewFragmentShader = R"(
uniform sampler2D samples;  // (value - mean) / sigma, half float
uniform sampler2D colormap; // 256 x 1 RGBA
uniform vec2 window;        // low, 1 / (high - low), in the textures' units
uniform vec2 imageSize;
uniform sampler2D splitSamples;    // another image of this size, normalised like `samples`
uniform float splitX;              // image x left of which splitSamples is shown; < 0: no split
uniform sampler2D overlay;         // 0 … 1 within the overlay's limits
uniform sampler2D overlayColormap;
uniform float overlayOpacity;      // 0: no overlay
in vec2 uv;
in vec2 imagePos;
out vec4 colour;
vec3 lookUp(sampler2D map, float t) {
    return texture(map, vec2((clamp(t, 0.0, 1.0) * 255.0 + 0.5) / 256.0, 0.5)).rgb;
}
void main() {
#ifdef LAYERS
    vec2 whole = imagePos / imageSize;
    float value = imagePos.x < splitX ? texture(splitSamples, whole).r : texture(samples, uv).r;
#else
    float value = texture(samples, uv).r;
#endif
    vec3 rgb = lookUp(colormap, (value - window.x) * window.y);
#ifdef LAYERS
    if (overlayOpacity > 0.0 && imagePos.x >= splitX) // the overlay belongs to the view's own image
        rgb = mix(rgb, lookUp(overlayColormap, texture(overlay, whole).r), overlayOpacity);
#endif
    colour = vec4(rgb, 1.0);
})";
