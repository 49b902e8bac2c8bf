"""Component ids: constants, never string literals in layouts or callbacks.

The first block is the stable public contract (../shared/DESIGN.md); users'
scripts and automated checks rely on it.
"""

MAP = "map"
THEME = "theme-select"
INDICATOR = "indicator-select"
YEAR = "year-select"
CLASSIFICATION = "classification-select"
DISTRICT_SELECT = "district-select"
COMPARE_PANEL = "compare-panel"
OFFER_FILTER = "offer-filter"

LEVEL = "level-select"
CLASS_COUNT = "class-count-select"
FIXED_BREAKS = "fixed-breaks-toggle"
CUSTOM_BREAKS = "custom-breaks-input"
MODE = "mode-select"
COMPARE_YEAR = "compare-year-select"
SHOW_NAMES = "show-names-toggle"
PLAY = "play-button"
PLAY_TIMER = "play-timer"
LEGEND = "map-legend"
INDICATOR_INFO = "indicator-info"
MAP_TITLE = "map-title"
MAP_GEOMETRY_LEVEL = "map-geometry-level"
ROBUSTNESS = "robustness-panel"
URL = "url"
