package main

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/qmlgo/qml/spec/figure"
	"github.com/qmlgo/qml/vqc"
)

// series is one named set of points of a lecture-experiment plot, drawn as
// markers (Points) or as a line.
type series struct {
	name   string
	xs, ys []float64
	color  color.Color
	points bool
	dash   []vg.Length
}

// panel makes one plot of the series, with logarithmic axes when loglog
// (points off the positive quadrant are then left out).
func panel(title, xlabel, ylabel string, loglog bool, ss ...series) (*plot.Plot, error) {
	lines := make([]figure.Line, len(ss))
	for k, s := range ss {
		pts := make(plotter.XYs, 0, len(s.xs))
		for i := range s.xs {
			if loglog && (s.xs[i] <= 0 || s.ys[i] <= 0) {
				continue
			}
			pts = append(pts, plotter.XY{X: s.xs[i], Y: s.ys[i]})
		}
		lines[k] = figure.Line{Name: s.name, XY: pts, Color: s.color, Dashes: s.dash, Points: s.points}
	}
	p, err := figure.Panel(title, xlabel, ylabel, lines...)
	if err != nil {
		return nil, err
	}
	if loglog {
		p.X.Scale, p.Y.Scale = plot.LogScale{}, plot.LogScale{}
		p.X.Tick.Marker, p.Y.Tick.Marker = plot.LogTicks{Prec: -1}, plot.LogTicks{Prec: -1}
	}
	return p, nil
}

// writePanels draws the plots side by side into a PNG file, atomically.
func writePanels(path string, panels ...*plot.Plot) error {
	png, err := figure.PNG([][]*plot.Plot{panels}, 4.5*vg.Inch, 3.5*vg.Inch, draw.Tiles{PadX: vg.Millimeter * 4})
	if err != nil {
		return err
	}
	return vqc.WriteFileAtomic(path, png)
}
