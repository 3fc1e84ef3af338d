package spec

import (
	"math"
	"sort"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/qmlgo/qml/control"
	"github.com/qmlgo/qml/spec/figure"
)

// maxPlottedStates bounds the population curves of pulses.png: the states
// that ever hold the most population.
const maxPlottedStates = 8

// pulsePlot draws pulses.png: the controls of every channel against time
// (real part solid, imaginary part dashed, as steps over the slices) above
// the populations of the most populated basis states.
func pulsePlot(name string, ev *control.Evolution, labels []string) ([]byte, error) {
	ctrl := plot.New()
	ctrl.Title.Text = name + ": controls"
	ctrl.X.Label.Text = "time"
	ctrl.Y.Label.Text = "c(t)"
	ctrl.Add(plotter.NewGrid())
	sig := ev.SliceSignals()
	k := 0
	for ch, s := range sig {
		for part, get := range []func(complex128) float64{func(c complex128) float64 { return real(c) }, func(c complex128) float64 { return imag(c) }} {
			pts := make(plotter.XYs, 0, 2*len(s))
			nonzero := false
			for n, c := range s {
				v := get(c)
				nonzero = nonzero || v != 0
				pts = append(pts, plotter.XY{X: ev.Times[n], Y: v}, plotter.XY{X: ev.Times[n+1], Y: v})
			}
			if !nonzero {
				continue
			}
			l, err := plotter.NewLine(pts)
			if err != nil {
				return nil, err
			}
			l.Color = plotutil.Color(k)
			l.Width = vg.Points(1.2)
			label := ev.Channels[ch]
			if part == 1 {
				l.Dashes = []vg.Length{vg.Points(4), vg.Points(2)}
				label += " (Im)"
			}
			ctrl.Add(l)
			ctrl.Legend.Add(label, l)
			k++
		}
	}
	ctrl.Legend.Top = true
	pops := ev.Populations()
	popPlot := plot.New()
	popPlot.Title.Text = name + ": populations"
	popPlot.X.Label.Text = "time"
	popPlot.Y.Label.Text = "population"
	popPlot.Y.Min, popPlot.Y.Max = 0, 1
	popPlot.Add(plotter.NewGrid())
	peak := make([]float64, len(pops[0]))
	for _, p := range pops {
		for i, v := range p {
			peak[i] = math.Max(peak[i], v)
		}
	}
	order := make([]int, len(peak))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return peak[order[a]] > peak[order[b]] })
	for j, i := range order[:min(maxPlottedStates, len(order))] {
		if peak[i] < 1e-3 {
			break
		}
		pts := make(plotter.XYs, len(pops))
		for n, p := range pops {
			pts[n] = plotter.XY{X: ev.Times[n], Y: p[i]}
		}
		l, err := plotter.NewLine(pts)
		if err != nil {
			return nil, err
		}
		l.Color = plotutil.Color(j)
		l.Width = vg.Points(1.5)
		popPlot.Add(l)
		// The plot font lacks ⟩.
		popPlot.Legend.Add(strings.ReplaceAll(labels[i], "⟩", ">"), l)
	}
	popPlot.Legend.Top = true
	popPlot.Legend.Left = true
	return figure.PNG([][]*plot.Plot{{ctrl}, {popPlot}}, 7*vg.Inch, 3.5*vg.Inch, draw.Tiles{PadY: vg.Millimeter * 4})
}
