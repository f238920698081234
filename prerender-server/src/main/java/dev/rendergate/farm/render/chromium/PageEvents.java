package dev.rendergate.farm.render.chromium;

import java.util.List;
import java.util.Map;

/** Translates a tab's DevTools events into the state of the render in progress. */
final class PageEvents {
    private PageEvents() {
    }

    static void apply(String method, Map<String, Object> params, PageLoad load) {
        switch (method) {
            case "Network.requestWillBeSent":
                load.requestStarted((String) params.get("requestId"), String.valueOf(params.get("type")),
                        String.valueOf(map(params.get("request")).get("url")), params.containsKey("redirectResponse"));
                break;
            case "Network.loadingFinished":
            case "Network.loadingFailed":
                load.requestEnded((String) params.get("requestId"));
                break;
            case "Network.dataReceived":
                load.dataReceived();
                break;
            case "Network.responseReceived":
                load.responseReceived((String) params.get("requestId"));
                if ("Document".equals(params.get("type")) && load.mainFrameId().equals(params.get("frameId"))) {
                    Map<?, ?> response = map(params.get("response"));
                    Object status = response.get("status");
                    if (status instanceof Number) {
                        load.mainResponse(((Number) status).intValue(), stringMap(response.get("headers")), false);
                    }
                }
                break;
            case "Page.frameNavigated":
                Map<?, ?> frame = map(params.get("frame"));
                load.frameNavigated((String) frame.get("id"), (String) frame.get("loaderId"));
                break;
            case "Page.lifecycleEvent":
                load.lifecycle((String) params.get("frameId"), (String) params.get("loaderId"),
                        (String) params.get("name"));
                break;
            case "Runtime.exceptionThrown":
                load.error("uncaught " + exceptionText(map(params.get("exceptionDetails"))));
                break;
            case "Runtime.consoleAPICalled":
                if ("error".equals(params.get("type"))) {
                    load.error("console.error " + argumentsText(params.get("args")));
                }
                break;
            case "Inspector.targetCrashed":
                load.crashed();
                break;
            default:
                break;
        }
    }

    private static String exceptionText(Map<?, ?> details) {
        Object description = map(details.get("exception")).get("description");
        return description != null ? String.valueOf(description) : String.valueOf(details.get("text"));
    }

    private static String argumentsText(Object args) {
        StringBuilder out = new StringBuilder();
        if (args instanceof List) {
            for (Object arg : (List<?>) args) {
                Map<?, ?> remote = map(arg);
                Object shown = remote.containsKey("value") ? remote.get("value") : remote.get("description");
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(shown);
                if (out.length() > 1000) {
                    break;
                }
            }
        }
        return out.toString();
    }

    private static Map<String, String> stringMap(Object value) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        map(value).forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map ? (Map<?, ?>) value : Map.of();
    }
}
