package figure

import (
	"bytes"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Line is one curve of a panel.
type Line struct {
	// Name is the legend entry; "" adds none.
	Name string
	XY   plotter.XYs
	// Color and Dashes style the line (nil Dashes: solid).
	Color  color.Color
	Dashes []vg.Length
	// Points draws markers at the points instead of a line through them.
	Points bool
}

// Panel makes one plot with a title, axis labels, a grid and the lines;
// a line with no points is skipped. It fails only where gonum/plot
// rejects a point (NaN or infinite).
func Panel(title, xlabel, ylabel string, lines ...Line) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = xlabel
	p.Y.Label.Text = ylabel
	p.Add(plotter.NewGrid())
	for _, ln := range lines {
		if len(ln.XY) == 0 {
			continue
		}
		var th plot.Thumbnailer
		if ln.Points {
			sc, err := plotter.NewScatter(ln.XY)
			if err != nil {
				return nil, err
			}
			sc.Color, sc.Radius = ln.Color, vg.Points(3)
			p.Add(sc)
			th = sc
		} else {
			l, err := plotter.NewLine(ln.XY)
			if err != nil {
				return nil, err
			}
			l.Color, l.Width, l.Dashes = ln.Color, vg.Points(1.5), ln.Dashes
			p.Add(l)
			th = l
		}
		if ln.Name != "" {
			p.Legend.Add(ln.Name, th)
		}
	}
	return p, nil
}

// PNG draws grid, rows of plots, on tiles of w × h (a nil plot leaves its
// tile empty) and encodes the image as PNG. tiles gives the padding; its
// Rows and Cols are set from grid, whose rows must be equally long.
func PNG(grid [][]*plot.Plot, w, h vg.Length, tiles draw.Tiles) ([]byte, error) {
	tiles.Rows, tiles.Cols = len(grid), 0
	if len(grid) > 0 {
		tiles.Cols = len(grid[0])
	}
	img := vgimg.New(w*vg.Length(tiles.Cols), h*vg.Length(tiles.Rows))
	canvases := plot.Align(grid, tiles, draw.New(img))
	for i, row := range grid {
		for j, p := range row {
			if p != nil {
				p.Draw(canvases[i][j])
			}
		}
	}
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
