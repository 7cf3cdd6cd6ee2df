// Pointing at a mention lights up every other mention of the same entity in the article.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const mentions = Array.from(document.querySelectorAll("a.mention"));
  const light = (href, on) => {
    for (const mention of mentions) {
      if (mention.getAttribute("href") === href) mention.classList.toggle("lit", on);
    }
  };
  for (const mention of mentions) {
    const href = mention.getAttribute("href");
    mention.addEventListener("mouseenter", () => light(href, true));
    mention.addEventListener("mouseleave", () => light(href, false));
    mention.addEventListener("focus", () => light(href, true));
    mention.addEventListener("blur", () => light(href, false));
  }
});
