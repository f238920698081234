// <doctor-reviews>: a reviews widget as a custom element, added by progressive enhancement: where custom
// elements are not supported the element stays empty and the rest of the page works. It renders the
// reviews, links to related doctors and the rating as structured data, from its data-doctor attribute.
(function () {
  'use strict';
  if (!('customElements' in window)) { return; }

  function DoctorReviews() { return Reflect.construct(HTMLElement, [], DoctorReviews); }
  DoctorReviews.prototype = Object.create(HTMLElement.prototype);
  DoctorReviews.prototype.constructor = DoctorReviews;
  Object.setPrototypeOf(DoctorReviews, HTMLElement);

  DoctorReviews.prototype.connectedCallback = function () {
    var d = JSON.parse(this.getAttribute('data-doctor'));
    var html = '<h2>What patients say</h2><ul class="reviews">';
    for (var i = 0; i < d.reviews.length; i++) {
      html += '<li>“' + d.reviews[i].text + '” — ' + d.reviews[i].author + '</li>';
    }
    html += '</ul><h2>Related doctors</h2><ul class="related">';
    for (i = 0; i < d.related.length; i++) {
      html += '<li><a href="/doctors/' + d.related[i].slug + '">' + d.related[i].name + '</a></li>';
    }
    this.innerHTML = html + '</ul>';
    var ld = document.createElement('script');
    ld.type = 'application/ld+json';
    ld.text = JSON.stringify({ '@context': 'https://schema.org', '@type': 'AggregateRating',
      itemReviewed: { '@type': 'Physician', name: d.name }, ratingValue: d.rating, reviewCount: d.reviewCount });
    this.appendChild(ld);
  };

  customElements.define('doctor-reviews', DoctorReviews);
})();
