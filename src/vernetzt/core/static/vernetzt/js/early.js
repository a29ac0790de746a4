// Runs before the first paint (not deferred): marks that JavaScript is on, so that the
// stylesheet folds the phone menu behind its button only when the button can open it.
document.documentElement.classList.add("js");
