#pragma once
// Scrolling a panel must not change its settings on the way. Combo boxes and spin boxes take the mouse
// wheel whenever the pointer is over them, so scrolling the Upscale panel past the Model box switched
// the model. Guarded, they take the wheel only once the user has focused them (click or Tab); otherwise
// the wheel scrolls the panel, as in the settings panels of browsers and IDEs.

class QScrollArea;

/// Guards every combo box and spin box inside `area`'s widget; call once, when the panel is built.
void scrollPastUnfocusedInputs(QScrollArea* area);
