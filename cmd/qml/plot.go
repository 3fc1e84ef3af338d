package main

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/qmlgo/qml/spec"
	"github.com/qmlgo/qml/spec/figure"
)

// Curve colours: training solid blue, validation dashed orange, reference
// dotted grey.
var (
	trainColor = color.RGBA{R: 31, G: 119, B: 180, A: 255}
	valColor   = color.RGBA{R: 255, G: 127, B: 14, A: 255}
	refColor   = color.RGBA{R: 120, G: 120, B: 120, A: 255}
)

// trainingPlot draws the per-epoch curves of a run as a PNG: loss (or, for
// VQE, the energy with the exact ground energy as a reference line) and,
// when the model has one, accuracy, each for training and validation.
func trainingPlot(res *spec.Results) ([]byte, error) {
	lossName, trainName := "loss", "train"
	if res.Task == "vqe" {
		lossName, trainName = "energy", "VQE"
	}
	panels := []*plot.Plot{curves(res.Name+": "+lossName, lossName, trainName, res.Epochs,
		func(e spec.Epoch) float64 { return e.TrainLoss }, func(e spec.Epoch) float64 { return e.ValLoss })}
	if exact, ok := res.Final["exact_energy"]; ok && len(res.Epochs) > 0 {
		addLine(panels[0], "exact", []float64{float64(res.Epochs[0].Epoch), float64(res.Epochs[len(res.Epochs)-1].Epoch)},
			[]float64{exact, exact}, refColor, []vg.Length{vg.Points(2), vg.Points(2)})
	}
	if hasValues(res.Epochs, func(e spec.Epoch) float64 { return e.TrainAccuracy }) {
		acc := curves(res.Name+": accuracy", "accuracy", "train", res.Epochs,
			func(e spec.Epoch) float64 { return e.TrainAccuracy }, func(e spec.Epoch) float64 { return e.ValAccuracy })
		acc.Y.Min, acc.Y.Max = math.Min(acc.Y.Min, 0), 1
		acc.Legend.Top = false
		panels = append(panels, acc)
	}
	return figure.PNG([][]*plot.Plot{panels}, 5*vg.Inch, 3.5*vg.Inch, draw.Tiles{PadX: vg.Millimeter * 4})
}

// curves makes one panel with the training (named trainName) and, when
// present, validation values of a metric per epoch.
func curves(title, ylabel, trainName string, epochs []spec.Epoch, train, val func(spec.Epoch) float64) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = "epoch"
	p.Y.Label.Text = ylabel
	p.Add(plotter.NewGrid())
	p.Legend.Top = true
	for _, c := range []struct {
		name  string
		get   func(spec.Epoch) float64
		color color.Color
		dash  []vg.Length
	}{{trainName, train, trainColor, nil}, {"validation", val, valColor, []vg.Length{vg.Points(5), vg.Points(3)}}} {
		var xs, ys []float64
		for _, e := range epochs {
			if v := c.get(e); !math.IsNaN(v) && !math.IsInf(v, 0) {
				xs, ys = append(xs, float64(e.Epoch)), append(ys, v)
			}
		}
		if len(xs) > 0 {
			addLine(p, c.name, xs, ys, c.color, c.dash)
		}
	}
	return p
}

// addLine adds a named polyline to p (nothing if it cannot be drawn).
func addLine(p *plot.Plot, name string, xs, ys []float64, c color.Color, dash []vg.Length) {
	pts := make(plotter.XYs, len(xs))
	for i := range xs {
		pts[i].X, pts[i].Y = xs[i], ys[i]
	}
	l, err := plotter.NewLine(pts)
	if err != nil {
		return
	}
	l.Color = c
	l.Width = vg.Points(1.5)
	l.Dashes = dash
	p.Add(l)
	p.Legend.Add(name, l)
}

// hasValues reports whether any epoch has a finite value of get.
func hasValues(epochs []spec.Epoch, get func(spec.Epoch) float64) bool {
	for _, e := range epochs {
		if v := get(e); !math.IsNaN(v) && !math.IsInf(v, 0) {
			return true
		}
	}
	return false
}
