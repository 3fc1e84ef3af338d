package main

import (
	"bytes"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

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

// panel makes one plot of the series, with logarithmic axes when loglog.
func panel(title, xlabel, ylabel string, loglog bool, ss ...series) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = xlabel
	p.Y.Label.Text = ylabel
	p.Add(plotter.NewGrid())
	if loglog {
		p.X.Scale, p.Y.Scale = plot.LogScale{}, plot.LogScale{}
		p.X.Tick.Marker, p.Y.Tick.Marker = plot.LogTicks{Prec: -1}, plot.LogTicks{Prec: -1}
	}
	for _, s := range ss {
		pts := make(plotter.XYs, 0, len(s.xs))
		for i := range s.xs {
			if loglog && (s.xs[i] <= 0 || s.ys[i] <= 0) {
				continue
			}
			pts = append(pts, plotter.XY{X: s.xs[i], Y: s.ys[i]})
		}
		if len(pts) == 0 {
			continue
		}
		if s.points {
			sc, err := plotter.NewScatter(pts)
			if err != nil {
				return nil, err
			}
			sc.Color = s.color
			sc.Radius = vg.Points(3)
			p.Add(sc)
			p.Legend.Add(s.name, sc)
			continue
		}
		l, err := plotter.NewLine(pts)
		if err != nil {
			return nil, err
		}
		l.Color, l.Width, l.Dashes = s.color, vg.Points(1.5), s.dash
		p.Add(l)
		if s.name != "" {
			p.Legend.Add(s.name, l)
		}
	}
	return p, nil
}

// writePanels draws the plots side by side into a PNG file, atomically.
func writePanels(path string, panels ...*plot.Plot) error {
	const w, h = 4.5 * vg.Inch, 3.5 * vg.Inch
	img := vgimg.New(w*vg.Length(len(panels)), h)
	dc := draw.New(img)
	canvases := plot.Align([][]*plot.Plot{panels}, draw.Tiles{Rows: 1, Cols: len(panels), PadX: vg.Millimeter * 4}, dc)
	for j, p := range panels {
		p.Draw(canvases[0][j])
	}
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(&buf); err != nil {
		return err
	}
	return vqc.WriteFileAtomic(path, buf.Bytes())
}
