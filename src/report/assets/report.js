// The HTML report's own script, embedded in the page and allowed by its hash (html_page.cpp).
// The page works without it: every section starts open and the filter is CSS. With it, passed
// and skipped examples start collapsed, and a text search narrows the page.
(function () {
  'use strict';
  var collapsible = document.querySelectorAll('details[data-collapsed]');
  for (var i = 0; i < collapsible.length; i++) collapsible[i].open = false;

  var search = document.getElementById('search');
  if (!search) return;
  search.hidden = false;
  var examples = document.querySelectorAll('.example');
  var sources = document.querySelectorAll('.source');
  var texts = null;
  search.addEventListener('input', function () {
    var query = search.value.trim().toLowerCase();
    if (texts === null) {
      texts = [];
      for (var k = 0; k < examples.length; k++) texts.push(examples[k].textContent.toLowerCase());
    }
    for (var e = 0; e < examples.length; e++) {
      var miss = query !== '' && texts[e].indexOf(query) < 0;
      examples[e].classList.toggle('unmatched', miss);
      if (!miss && query !== '') examples[e].querySelector('details').open = true;
    }
    for (var s = 0; s < sources.length; s++) {
      var shown = sources[s].querySelector('.example:not(.unmatched)') !== null;
      sources[s].classList.toggle('unmatched', query !== '' && !shown);
      if (shown && query !== '') sources[s].querySelector('details').open = true;
    }
  });
})();
