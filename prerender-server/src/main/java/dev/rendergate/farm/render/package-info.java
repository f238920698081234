/**
 * Rendering: the {@link dev.rendergate.farm.render.RenderEngine} interface and its outcomes, the bounded
 * {@link dev.rendergate.farm.render.EnginePool}, the HtmlUnit engine with its validation and done detection,
 * the {@code auto} engine choice, and the post-processing every snapshot goes through
 * ({@link dev.rendergate.farm.render.RenderPipeline}).
 */
package dev.rendergate.farm.render;
