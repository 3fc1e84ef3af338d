package bench

import (
	"cmp"
	"fmt"
	"os"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/qmlgo/qml/spec/figure"
)

// PlotSim draws sim.png, a PNG: median wall time against the number of
// qubits, log scale, one panel per circuit family (the circuit's name up
// to "_n", so qft_n16 and qft_n20 share a panel) and in each one line per
// engine, an engine keeping its colour and marker in every panel.
func PlotSim(results []SimResult, path string) error {
	var families, engines []string
	lines := map[[2]string]plotter.XYs{}
	for _, r := range results {
		if r.Seconds <= 0 {
			continue
		}
		family, _, _ := strings.Cut(r.Circuit, "_n")
		if !slices.Contains(families, family) {
			families = append(families, family)
		}
		if !slices.Contains(engines, r.Engine) {
			engines = append(engines, r.Engine)
		}
		k := [2]string{family, r.Engine}
		lines[k] = append(lines[k], plotter.XY{X: float64(r.Qubits), Y: r.Seconds})
	}
	if len(families) == 0 {
		return fmt.Errorf("plot: no timed run to draw")
	}
	cols := min(len(families), 2)
	rows := (len(families) + cols - 1) / cols
	plots := make([][]*plot.Plot, rows)
	for i := range plots {
		plots[i] = make([]*plot.Plot, cols)
	}
	for f, family := range families {
		p := plot.New()
		p.Title.Text = family + ": median wall time"
		p.X.Label.Text = "qubits"
		p.Y.Label.Text = "seconds"
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = plot.LogTicks{Prec: -1}
		p.Legend.Top, p.Legend.Left = true, true
		for i, engine := range engines {
			xy := lines[[2]string{family, engine}]
			if len(xy) == 0 {
				continue
			}
			slices.SortFunc(xy, func(a, b plotter.XY) int { return cmp.Compare(a.X, b.X) })
			l, pts, err := plotter.NewLinePoints(xy)
			if err != nil {
				return err
			}
			l.Color, pts.Color = plotutil.Color(i), plotutil.Color(i)
			pts.Shape = plotutil.Shape(i)
			p.Add(l, pts)
			p.Legend.Add(engine, l, pts)
		}
		plots[f/cols][f%cols] = p
	}
	png, err := figure.PNG(plots, vg.Points(380), vg.Points(300), draw.Tiles{PadX: vg.Points(8), PadY: vg.Points(8),
		PadTop: vg.Points(4), PadBottom: vg.Points(4), PadLeft: vg.Points(4), PadRight: vg.Points(4)})
	if err != nil {
		return err
	}
	return os.WriteFile(path, png, 0o666)
}
