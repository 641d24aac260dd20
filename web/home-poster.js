// index.html's poster shows the home view before anything else loads. This
// classic script runs before the body is parsed (it is tiny and cached for
// good under its hashed name): when the URL names another view or a story,
// the poster would show the wrong place, so the page keeps the plain sea
// colour until the map draws. heartland.js fades the poster out.
"use strict";
if (/(?:^#|&)(?:map|story)=/.test(location.hash)) document.documentElement.classList.add("no-home-poster");
