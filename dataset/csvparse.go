package dataset

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
)

// maxCSVLine bounds one CSV line, so a file without newlines cannot make the
// reader buffer without limit.
const maxCSVLine = 64 << 20

// csvParser accumulates one CSV file's rows into block storage.
type csvParser struct {
	file  string
	opts  CSVOptions
	comma byte

	line    int         // current physical line, 1-based
	names   []string    // column names, one per field
	label   int         // label column index, -1 for none
	fields  [][]byte    // scratch: the fields of the current line, into the scanner buffer
	x       [][]float64 // feature rows, slices of block
	block   []float64   // storage the next rows are appended to
	ints    []int       // IntLabels
	strs    []string    // StringLabels
	targets []float64   // FloatTargets
}

// errorf returns a CSVError at the current line; col < 0 means no column.
func (p *csvParser) errorf(col int, format string, a ...any) error {
	e := &CSVError{File: p.file, Line: p.line, Msg: fmt.Sprintf(format, a...)}
	if col >= 0 && col < len(p.names) {
		e.Column = p.names[col]
	}
	return e
}

// parse reads every line of src.
func (p *csvParser) parse(src io.Reader) error {
	sc := bufio.NewScanner(src)
	sc.Buffer(make([]byte, 0, 64<<10), maxCSVLine)
	for sc.Scan() {
		p.line++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		p.split(line)
		if p.names == nil {
			if err := p.header(); err != nil {
				return err
			}
			if !p.opts.NoHeader {
				continue
			}
		}
		if err := p.row(); err != nil {
			return err
		}
		if p.opts.MaxRows > 0 && len(p.x) == p.opts.MaxRows {
			return nil
		}
	}
	if err := sc.Err(); err != nil {
		p.line++
		if errors.Is(err, bufio.ErrTooLong) {
			return p.errorf(-1, "line longer than %d bytes", maxCSVLine)
		}
		return p.errorf(-1, "read: %v", err)
	}
	return nil
}

// split cuts line into p.fields at the separator, trimming each field. The
// fields alias line: nothing is copied.
func (p *csvParser) split(line []byte) {
	p.fields = p.fields[:0]
	for {
		i := bytes.IndexByte(line, p.comma)
		if i < 0 {
			p.fields = append(p.fields, trimField(line))
			return
		}
		p.fields = append(p.fields, trimField(line[:i]))
		line = line[i+1:]
	}
}

// trimField removes surrounding spaces and one pair of surrounding quotes.
func trimField(f []byte) []byte {
	f = bytes.TrimSpace(f)
	if len(f) >= 2 && f[0] == '"' && f[len(f)-1] == '"' {
		f = f[1 : len(f)-1]
	}
	return f
}

// header takes the column names from the current fields (or makes x0, x1, …
// when there is no header) and resolves the label column.
func (p *csvParser) header() error {
	n := len(p.fields)
	p.names = make([]string, n)
	for j, f := range p.fields {
		switch {
		case p.opts.NoHeader:
			p.names[j] = "x" + strconv.Itoa(j)
		case len(f) == 0:
			return p.errorf(-1, "header field %d is empty", j+1)
		default:
			p.names[j] = string(f)
		}
	}
	switch {
	case p.opts.Labels == NoLabel:
		return nil
	case p.opts.LabelName != "":
		p.label = slices.Index(p.names, p.opts.LabelName)
		if p.label < 0 {
			return p.errorf(-1, "no column named %q in the header", p.opts.LabelName)
		}
	default:
		p.label = p.opts.LabelIndex
		if p.label < 0 {
			p.label += n
		}
		if p.label < 0 || p.label >= n {
			return p.errorf(-1, "label column index %d out of range for %d columns", p.opts.LabelIndex, n)
		}
	}
	if n < 2 {
		return p.errorf(-1, "only the label column, no features")
	}
	return nil
}

// row parses the current fields as one data row.
func (p *csvParser) row() error {
	if len(p.fields) != len(p.names) {
		return p.errorf(-1, "%d fields, want %d as in the header", len(p.fields), len(p.names))
	}
	cols := len(p.names)
	if p.label >= 0 {
		cols--
	}
	if cap(p.block)-len(p.block) < cols {
		p.block = make([]float64, 0, cols*blockRows(len(p.x), cols))
	}
	start := len(p.block)
	for j, f := range p.fields {
		if j == p.label {
			if err := p.labelCell(j, f); err != nil {
				return err
			}
			continue
		}
		v, err := p.number(j, f)
		if err != nil {
			return err
		}
		p.block = append(p.block, v)
	}
	p.x = append(p.x, p.block[start:len(p.block):len(p.block)])
	return nil
}

// blockRows is how many rows of cols features the next storage block holds
// when rows are already read: it doubles with the rows read so far, from 64
// rows up to about 8 MB, so small files stay small and large ones are stored
// in a few big blocks without the copying of one ever-growing slice.
func blockRows(rows, cols int) int {
	return max(1, min(max(64, rows), (1<<20)/cols))
}

// labelCell parses the label field f of column j.
func (p *csvParser) labelCell(j int, f []byte) error {
	switch p.opts.Labels {
	case IntLabels:
		c, err := parseLabel(f)
		switch {
		case err != nil:
			return p.errorf(j, "cannot parse label %q as an integer", f)
		case c < 0:
			return p.errorf(j, "label %d is negative", c)
		case p.opts.NumClasses > 0 && c >= p.opts.NumClasses:
			return p.errorf(j, "label %d outside 0..%d", c, p.opts.NumClasses-1)
		case c > MaxIntLabel:
			return p.errorf(j, "label %d above %d", c, MaxIntLabel)
		}
		p.ints = append(p.ints, c)
	case StringLabels:
		if len(f) == 0 {
			return p.errorf(j, "empty label")
		}
		p.strs = append(p.strs, string(f))
	case FloatTargets:
		v, err := p.number(j, f)
		if err != nil {
			return err
		}
		p.targets = append(p.targets, v)
	}
	return nil
}

// number parses a finite float64 from field f of column j.
func (p *csvParser) number(j int, f []byte) (float64, error) {
	if v, ok := parseUint(f); ok {
		return v, nil
	}
	v, err := strconv.ParseFloat(string(f), 64)
	switch {
	case errors.Is(err, strconv.ErrRange):
		return 0, p.errorf(j, "%q is out of float64 range", f)
	case err != nil:
		return 0, p.errorf(j, "cannot parse %q as a number", f)
	case math.IsNaN(v) || math.IsInf(v, 0):
		return 0, p.errorf(j, "%q is not a finite number", f)
	}
	return v, nil
}

// parseUint is the fast path for pixel-like fields: up to 15 decimal digits
// and nothing else, which convert to float64 exactly.
func parseUint(f []byte) (float64, bool) {
	if len(f) == 0 || len(f) > 15 {
		return 0, false
	}
	var n uint64
	for i := 0; i < len(f); i++ {
		c := f[i] - '0'
		if c > 9 {
			return 0, false
		}
		n = 10*n + uint64(c)
	}
	return float64(n), true
}

// parseLabel parses an integer label, through the parseUint fast path when
// it can.
func parseLabel(f []byte) (int, error) {
	if v, ok := parseUint(f); ok {
		return int(v), nil
	}
	return strconv.Atoi(string(f))
}

// dataset assembles the parsed rows.
func (p *csvParser) dataset() (*Dataset, error) {
	if len(p.x) == 0 {
		return nil, &CSVError{File: p.file, Msg: "no data rows"}
	}
	d := &Dataset{Name: p.opts.Name, X: p.x}
	if d.Name == "" {
		d.Name = datasetName(p.file)
	}
	for j, s := range p.names {
		if j != p.label {
			d.FeatureNames = append(d.FeatureNames, s)
		}
	}
	switch p.opts.Labels {
	case IntLabels:
		d.Y = p.ints
		d.NumClasses = p.opts.NumClasses
		if d.NumClasses == 0 {
			d.NumClasses = slices.Max(p.ints) + 1
		}
	case StringLabels:
		d.ClassNames = slices.Compact(slices.Sorted(slices.Values(p.strs)))
		d.NumClasses = len(d.ClassNames)
		d.Y = make([]int, len(p.x))
		for i, s := range p.strs {
			d.Y[i], _ = slices.BinarySearch(d.ClassNames, s)
		}
	case FloatTargets:
		d.Targets = p.targets
	}
	if err := d.Validate(); err != nil {
		return nil, &CSVError{File: p.file, Msg: err.Error()}
	}
	return d, nil
}
