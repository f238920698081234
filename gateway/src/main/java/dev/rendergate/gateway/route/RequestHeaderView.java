package dev.rendergate.gateway.route;

import dev.rendergate.edge.request.EdgeHeader;
import dev.rendergate.edge.request.EdgeRequest;
import dev.rendergate.edge.request.FrozenHeaders;
import dev.rendergate.edge.request.HeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Netty request's headers as the edge function's header map, read in place: lower-case name to the values sent
 * under it, of the first {@link #MAX_HEADERS} header lines. What the edge reads on a person's request (a header's
 * first value, whether any name carries the marker prefix) is answered from the Netty headers; anything else
 * (listing, changing) works on a copy made on first use. The Netty headers must not change while the edge decides.
 */
final class RequestHeaderView extends FrozenHeaders {

    /** Header lines the edge sees at most, as CloudFront passes a bounded number on. */
    static final int MAX_HEADERS = 100;

    private final HttpHeaders headers;
    private final boolean whole;
    private FrozenHeaders copy;

    RequestHeaderView(HttpHeaders headers) {
        this.headers = headers;
        this.whole = headers.size() <= MAX_HEADERS;
    }

    @Override
    public String firstValue(String lowerName) {
        // Netty's lookup ignores ASCII case and gives the first value sent, as the copy's first list element.
        return whole ? headers.get(lowerName) : copy().firstValue(lowerName);
    }

    @Override
    public FrozenHeaders withoutNamesStartingWith(String lowerPrefix) {
        if (whole) {
            Iterator<Map.Entry<CharSequence, CharSequence>> names = headers.iteratorCharSequence();
            boolean any = false;
            while (names.hasNext() && !any) {
                any = AsciiString.regionMatches(names.next().getKey(), true, 0, lowerPrefix, 0, lowerPrefix.length());
            }
            if (!any) {
                return this;
            }
        }
        return copy().withoutNamesStartingWith(lowerPrefix);
    }

    @Override
    public FrozenHeaders with(HeaderNames names, String[] values) {
        return copy().with(names, values);
    }

    @Override
    public List<EdgeHeader> get(Object key) {
        return copy().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return copy().containsKey(key);
    }

    @Override
    public int size() {
        return copy().size();
    }

    @Override
    public Set<Entry<String, List<EdgeHeader>>> entrySet() {
        return copy().entrySet();
    }

    @Override
    public Set<String> keySet() {
        return copy().keySet();
    }

    /** The headers as the edge's own frozen map: names lower-cased, values grouped by name in the order sent. */
    private FrozenHeaders copy() {
        if (copy == null) {
            Map<String, List<EdgeHeader>> grouped = new LinkedHashMap<>();
            int count = 0;
            for (Map.Entry<String, String> header : headers) {
                if (++count > MAX_HEADERS) {
                    break;
                }
                grouped.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                        .add(new EdgeHeader(header.getKey(), header.getValue()));
            }
            copy = (FrozenHeaders) EdgeRequest.of("GET", "/", "", grouped).headers();
        }
        return copy;
    }
}
