package bench

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// PlotModels draws bench.png: one group of bars per dataset, one bar per
// model that ran on it, in the table's order (best first), each the test
// metric's mean with an error bar of ± one standard deviation over the
// seeds; a model keeps its colour in every group. Only rows scored by the
// suite's most common metric are drawn (accuracy, for a classification
// suite), so every bar shares one axis. path's extension picks the format
// (.png, .svg, .pdf).
func PlotModels(rows []Summary, path string) error {
	metric, ok := commonMetric(rows)
	if !ok {
		return fmt.Errorf("plot: no finished run to draw")
	}
	var datasets, models []string
	groups := map[string][]Summary{}
	widest := 0
	for _, r := range rows {
		if r.Metric != metric || r.Test.N == 0 {
			continue
		}
		if _, ok := groups[r.Dataset]; !ok {
			datasets = append(datasets, r.Dataset)
		}
		groups[r.Dataset] = append(groups[r.Dataset], r)
		widest = max(widest, len(groups[r.Dataset]))
		if !slices.Contains(models, r.Model) {
			models = append(models, r.Model)
		}
	}
	p := plot.New()
	p.Title.Text = fmt.Sprintf("test %s, mean ± std over seeds", metric.Name)
	p.Y.Label.Text = metric.Name
	// About 80 points of plot width per dataset; the bars fill 80 % of a
	// group.
	width := vg.Points(max(480, 80+90*float64(len(datasets))))
	w := 0.8 * (width - vg.Points(80)) / vg.Length(len(datasets)*widest)
	colors := append(slices.Clone(plotutil.SoftColors), plotutil.DarkColors...)
	legend := map[string]bool{}
	errs := &errorBars{}
	for g, d := range datasets {
		group := groups[d]
		for j, r := range group {
			bar, err := plotter.NewBarChart(plotter.Values{r.Test.Mean}, w)
			if err != nil {
				return err
			}
			bar.XMin = float64(g)
			bar.Offset = (vg.Length(j) - vg.Length(len(group)-1)/2) * w
			bar.Color = colors[slices.Index(models, r.Model)%len(colors)]
			bar.LineStyle.Width = 0
			p.Add(bar)
			if !legend[r.Model] {
				legend[r.Model] = true
				p.Legend.Add(r.Model, bar)
			}
			errs.bars = append(errs.bars, errorBar{x: float64(g), offset: bar.Offset, s: r.Test})
		}
	}
	p.Add(errs)
	p.Legend.Top = true
	p.NominalX(datasets...)
	p.X.Min, p.X.Max = -0.5, float64(len(datasets))-0.5
	// Head room above the bars for the legend.
	p.Y.Min = math.Min(p.Y.Min, 0)
	p.Y.Max += (p.Y.Max - p.Y.Min) * 0.06 * float64(len(models)+1)
	return p.Save(width, vg.Points(340), path)
}

// commonMetric returns the metric scoring most of the finished rows.
func commonMetric(rows []Summary) (Metric, bool) {
	count := map[Metric]int{}
	var best Metric
	for _, r := range rows {
		if r.Test.N == 0 {
			continue
		}
		count[r.Metric]++
		if c := count[r.Metric]; c > count[best] || (c == count[best] && metricRank(r.Metric) < metricRank(best)) {
			best = r.Metric
		}
	}
	return best, count[best] > 0
}

// errorBar is mean ± std at group x, shifted like its bar.
type errorBar struct {
	x      float64
	offset vg.Length
	s      Stat
}

// errorBars is a plot.Plotter of its own because a bar's offset is in
// canvas units, which plotter.YErrorBars cannot shift by.
type errorBars struct{ bars []errorBar }

// Plot implements plot.Plotter.
func (e *errorBars) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	ls := draw.LineStyle{Color: color.Black, Width: vg.Points(1)}
	const capWidth = 3
	for _, b := range e.bars {
		if b.s.N < 2 {
			continue
		}
		x := trX(b.x) + b.offset
		lo, hi := trY(b.s.Mean-b.s.Std), trY(b.s.Mean+b.s.Std)
		c.StrokeLine2(ls, x, lo, x, hi)
		c.StrokeLine2(ls, x-capWidth, lo, x+capWidth, lo)
		c.StrokeLine2(ls, x-capWidth, hi, x+capWidth, hi)
	}
}

// DataRange implements plot.DataRanger, so the axis holds the bars' tops.
func (e *errorBars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax, ymin, ymax = math.Inf(1), math.Inf(-1), 0, math.Inf(-1)
	for _, b := range e.bars {
		xmin, xmax = math.Min(xmin, b.x), math.Max(xmax, b.x)
		ymin, ymax = math.Min(ymin, b.s.Mean-b.s.Std), math.Max(ymax, b.s.Mean+b.s.Std)
	}
	return xmin, xmax, ymin, ymax
}
