package dev.rendergate.farm.cache;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which query parameters of a page's URL reach its cache key and the render, per site; every other
 * parameter is dropped from both. Anyone can send a crawler's User-Agent, so without this list every
 * made-up parameter ({@code ?x=1}, {@code ?x=2} ...) is a render of its own and a cache entry of its own.
 *
 * <p>A site is a host name (any scheme and port); a site without a list of its own uses the default list.
 * Names are matched exactly (case-sensitive, after percent-decoding of unreserved characters), as the
 * page's own script reads them ({@code URLSearchParams.get("page")}).
 */
public final class QueryAllowList {

    /**
     * The parameters SPAs commonly render differently for: pagination, search, sort, language, listing
     * filters and record identifiers.
     */
    public static final Set<String> DEFAULT_NAMES = Set.of(
            "page", "p", "per_page", "limit", "offset",
            "q", "query", "search", "s",
            "sort", "order", "orderby", "dir",
            "lang", "hl", "locale", "language",
            "category", "cat", "tag", "filter", "type", "view", "id");

    private static final String ALL = "*";
    private static final String NONE = "none";

    private static final QueryAllowList DEFAULTS = new QueryAllowList(Names.of(DEFAULT_NAMES), Map.of());
    private static final QueryAllowList EVERY_PARAMETER = new QueryAllowList(Names.EVERY, Map.of());

    private final Names defaults;
    private final Map<String, Names> sites;

    private QueryAllowList(Names defaults, Map<String, Names> sites) {
        this.defaults = defaults;
        this.sites = Map.copyOf(sites);
    }

    /** {@link #DEFAULT_NAMES} for every site. */
    public static QueryAllowList defaults() {
        return DEFAULTS;
    }

    /** Every parameter for every site: the behaviour before allow-lists (only tracking parameters dropped). */
    public static QueryAllowList everyParameter() {
        return EVERY_PARAMETER;
    }

    /**
     * The allow-list the {@code --query-params} options describe, each {@code [SITE=]NAMES}: without a site it
     * replaces the default list, with one it sets that host's list. {@code NAMES} is a comma-separated list of
     * names, {@code *} (every parameter), {@code none} (no parameter), or a list starting with {@code +} (the
     * default list plus these names). Later options win for the same site.
     *
     * @throws IllegalArgumentException naming the option and what is wrong with it
     */
    public static QueryAllowList parse(List<String> specs) {
        Names defaults = Names.of(DEFAULT_NAMES);
        for (String spec : specs) {
            if (siteOf(spec) == null) {
                defaults = names(spec.strip(), defaults, spec);
            }
        }
        Map<String, Names> sites = new LinkedHashMap<>();
        for (String spec : specs) {
            String site = siteOf(spec);
            if (site != null) {
                sites.put(site, names(spec.substring(spec.indexOf('=') + 1).strip(), defaults, spec));
            }
        }
        return new QueryAllowList(defaults, sites);
    }

    /** Whether {@code name} (percent-decoded where unreserved) may stay in a URL of {@code host}. */
    public boolean allows(String host, String name) {
        Names names = sites.get(host.toLowerCase(Locale.ROOT));
        return (names == null ? defaults : names).allows(name);
    }

    /** One line for logs and the node's configuration, e.g. {@code default=[...] shop.example.com=*}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("default=").append(defaults);
        sites.forEach((site, names) -> out.append(' ').append(site).append('=').append(names));
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QueryAllowList that && defaults.equals(that.defaults) && sites.equals(that.sites);
    }

    @Override
    public int hashCode() {
        return Objects.hash(defaults, sites);
    }

    /** The host of a {@code SITE=NAMES} spec in lower case, or null for a spec without a site. */
    private static String siteOf(String spec) {
        int eq = spec.indexOf('=');
        if (eq < 0) {
            return null;
        }
        String site = spec.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        if (!site.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?|\\[[0-9a-f:.]+]")) {
            throw new IllegalArgumentException("--query-params '" + spec + "': the site before '=' must be a host name"
                    + " such as shop.example.com (no scheme, port or path)");
        }
        return site;
    }

    private static Names names(String list, Names defaults, String spec) {
        if (list.equals(ALL)) {
            return Names.EVERY;
        }
        if (list.equals(NONE) || list.isEmpty()) {
            return Names.of(Set.of());
        }
        boolean extend = list.startsWith("+");
        Set<String> names = new LinkedHashSet<>(extend ? defaults.names : Set.of());
        for (String name : (extend ? list.substring(1) : list).split(",")) {
            String n = name.strip();
            if (n.isEmpty() || n.equals(ALL) || !n.matches("[A-Za-z0-9._~\\[\\]-]+")) {
                throw new IllegalArgumentException("--query-params '" + spec + "': '" + n + "' is not a parameter name"
                        + " (give names separated by commas, '*' for every parameter, 'none' for none, or '+names'"
                        + " to add to the default list)");
            }
            names.add(n);
        }
        return Names.of(names);
    }

    /** A set of names, or every name. */
    private record Names(Set<String> names, boolean every) {
        static final Names EVERY = new Names(Set.of(), true);

        static Names of(Set<String> names) {
            return new Names(Set.copyOf(names), false);
        }

        boolean allows(String name) {
            return every || names.contains(name);
        }

        @Override
        public String toString() {
            return every ? ALL : names.isEmpty() ? NONE : String.join(",", new java.util.TreeSet<>(names));
        }
    }
}
