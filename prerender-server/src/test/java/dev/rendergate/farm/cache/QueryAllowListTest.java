package dev.rendergate.farm.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryAllowListTest {

    @Test
    void defaults_keepPaginationSearchSortAndLanguage_dropTheRest() {
        QueryAllowList list = QueryAllowList.defaults();

        assertThat(List.of("page", "p", "q", "search", "sort", "order", "lang", "hl", "locale", "category", "tag",
                "filter", "id")).allMatch(name -> list.allows("shop.example.com", name));
        assertThat(List.of("x", "promo", "cachebust", "PAGE", "utm_source", "session"))
                .noneMatch(name -> list.allows("shop.example.com", name));
    }

    @Test
    void parse_withoutASite_replacesTheDefaultList() {
        QueryAllowList list = QueryAllowList.parse(List.of("page,color"));

        assertThat(list.allows("a.example", "color")).isTrue();
        assertThat(list.allows("a.example", "q")).isFalse();
    }

    @Test
    void parse_aSitesList_appliesToThatHostOnly_andPlusExtendsTheDefaults() {
        QueryAllowList list = QueryAllowList.parse(List.of("Shop.Example.com=+color,size", "blog.example.com=none",
                "legacy.example.com=*"));

        assertThat(list.allows("shop.example.com", "color")).isTrue();
        assertThat(list.allows("SHOP.example.com", "page")).isTrue();
        assertThat(list.allows("other.example.com", "color")).isFalse();
        assertThat(list.allows("blog.example.com", "page")).isFalse();
        assertThat(list.allows("legacy.example.com", "anything")).isTrue();
    }

    @Test
    void parse_plusExtendsTheConfiguredDefaultList_whateverTheOrder() {
        QueryAllowList list = QueryAllowList.parse(List.of("shop.example.com=+color", "page"));

        assertThat(list.allows("shop.example.com", "color")).isTrue();
        assertThat(list.allows("shop.example.com", "page")).isTrue();
        assertThat(list.allows("shop.example.com", "q")).isFalse();
    }

    @Test
    void parse_nothing_isTheDefaults() {
        assertThat(QueryAllowList.parse(List.of())).isEqualTo(QueryAllowList.defaults());
    }

    @Test
    void parse_badSpecs_sayWhatIsWrong() {
        assertThatThrownBy(() -> QueryAllowList.parse(List.of("https://shop.example.com=page")))
                .hasMessageContaining("host name");
        assertThatThrownBy(() -> QueryAllowList.parse(List.of("page,,q")))
                .hasMessageContaining("not a parameter name");
        assertThatThrownBy(() -> QueryAllowList.parse(List.of("pa ge")))
                .hasMessageContaining("'pa ge'");
    }
}
