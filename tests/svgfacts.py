"""What a reader sees in an SVG chart, measured in Chromium: tick labels with their extent,
the fill colour of each bar trace, and any range-selector buttons."""

MEASURE = """() => {
    const box = node => node.getBoundingClientRect();
    const svg = document.querySelector('svg');
    const ticks = selector => [...document.querySelectorAll(selector)].map(t => ({
        text: t.textContent, left: box(t).left, right: box(t).right, top: box(t).top, bottom: box(t).bottom}));
    return {
        width: box(svg).width, height: box(svg).height,
        yticks: ticks('.ytick text'), xticks: ticks('.xtick text'),
        bars: [...document.querySelectorAll('.trace.bars')].map(trace =>
            [...new Set([...trace.querySelectorAll('path')].map(p => getComputedStyle(p).fill))]),
        legend: [...document.querySelectorAll('.legend .traces')].map(item => ({
            text: item.querySelector('text').textContent,
            fill: getComputedStyle(item.querySelector('.legendpoints path, .legendundefined path') || item).fill})),
        buttons: document.querySelectorAll('.rangeselector .button').length,
    };
}"""


def svg_facts(tab, svg_bytes):
    """Open `svg_bytes` in the Playwright page `tab` and measure it (see MEASURE)."""
    tab.set_content("<html><body style='margin:0'>" + svg_bytes.decode("utf-8") + "</body></html>")
    return tab.evaluate(MEASURE)


def rgb(css):
    """'rgb(0, 114, 178)' -> (0, 114, 178)."""
    return tuple(int(float(part)) for part in css[css.index("(") + 1:css.index(")")].split(",")[:3])


def lightness(css):
    """Relative lightness 0 (black) .. 255 (white) of a CSS rgb() colour."""
    red, green, blue = rgb(css)
    return 0.299 * red + 0.587 * green + 0.114 * blue
