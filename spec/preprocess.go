package spec

import (
	"fmt"
	"slices"
	"strconv"

	"gonum.org/v1/gonum/mat"

	"github.com/qmlgo/qml/dataset"
)

// PreprocessFormat identifies the preprocessing record saved in a model
// file.
const PreprocessFormat = "qml-preprocess/1"

// Preprocess is the feature pipeline of a run, fitted on its training
// split: select columns, then (with data.pca) standardise and project onto
// principal components, then scale. It is saved inside model.json, so that
// `qml predict` and `qml eval` take raw features and prepare them exactly
// as training did.
//
// JSON form (all fitted numbers included):
//
//	{
//	  "format": "qml-preprocess/1",
//	  "dataset": "iris",
//	  "raw_features": ["sepal_length", …],   // the columns raw input has
//	  "select": [0, 2],                      // columns kept (absent: all)
//	  "steps": [
//	    {"kind": "standard", "mean": […], "std": […]},
//	    {"kind": "pca", "mean": […], "components": [[…], …]},   // one row per component
//	    {"kind": "minmax", "min": […], "max": […], "range": [0, 3.14159…], "clip": true}
//	  ],
//	  "class_names": ["setosa", …],
//	  "label": "species"                     // CSV label column, if named
//	}
type Preprocess struct {
	Format      string   `json:"format"`
	Dataset     string   `json:"dataset,omitempty"`
	RawFeatures []string `json:"raw_features"`
	Select      []int    `json:"select,omitempty"`
	Steps       []Step   `json:"steps,omitempty"`
	ClassNames  []string `json:"class_names,omitempty"`
	Label       string   `json:"label,omitempty"`
}

// Step is one fitted transform of a Preprocess.
type Step struct {
	// Kind is "standard" ((x − mean)/std), "pca" (projection of x − mean
	// onto the components) or "minmax" (from [min, max] onto range).
	Kind       string      `json:"kind"`
	Mean       []float64   `json:"mean,omitempty"`
	Std        []float64   `json:"std,omitempty"`
	Components [][]float64 `json:"components,omitempty"`
	Min        []float64   `json:"min,omitempty"`
	Max        []float64   `json:"max,omitempty"`
	Range      []float64   `json:"range,omitempty"`
	Clip       bool        `json:"clip,omitempty"`
}

// fitPreprocess fits the pipeline of data section d on the raw training
// split; errors point at the data field responsible.
func (s *Spec) fitPreprocess(train *dataset.Dataset) (*Preprocess, error) {
	d := s.Data
	p := &Preprocess{Format: PreprocessFormat, Dataset: train.Name, ClassNames: train.ClassNames, RawFeatures: train.FeatureNames}
	if p.RawFeatures == nil {
		p.RawFeatures = make([]string, train.Dim())
		for j := range p.RawFeatures {
			p.RawFeatures[j] = "x" + strconv.Itoa(j)
		}
	}
	if d.CSV != nil {
		p.Label = d.CSV.Label
	}
	for i, f := range d.Features {
		j := slices.Index(p.RawFeatures, f)
		if j < 0 {
			k, err := strconv.Atoi(f)
			if err != nil || k < 0 || k >= len(p.RawFeatures) {
				return nil, s.Errorf(item("data.features", i), "no feature %q: want a name or an index 0..%d of %v", f, len(p.RawFeatures)-1, p.RawFeatures)
			}
			j = k
		}
		if slices.Contains(p.Select, j) {
			return nil, s.Errorf(item("data.features", i), "%q selects column %d twice", f, j)
		}
		p.Select = append(p.Select, j)
	}
	cur, err := p.selectColumns(train)
	if err != nil {
		return nil, err
	}
	if d.PCA > 0 {
		if k := min(cur.Dim(), cur.Len()); d.PCA > k {
			return nil, s.Errorf("data.pca", "%d components from %d features and %d training samples; want at most %d", d.PCA, cur.Dim(), cur.Len(), k)
		}
		if cur, err = p.fit(cur, &dataset.Scaler{}); err == nil {
			cur, err = p.fit(cur, &dataset.PCA{K: d.PCA})
		}
		if err != nil {
			return nil, s.Errorf("data.pca", "%v", err)
		}
	}
	switch d.Scale {
	case "standard":
		_, err = p.fit(cur, &dataset.Scaler{})
	case "minmax":
		_, err = p.fit(cur, dataset.NewMinMaxScaler(float64(d.AngleRange[0]), float64(d.AngleRange[1])))
	}
	if err != nil {
		return nil, s.Errorf("data.scale", "%v", err)
	}
	return p, nil
}

// fit fits t on d, appends it as a step and returns d transformed.
func (p *Preprocess) fit(d *dataset.Dataset, t dataset.Transformer) (*dataset.Dataset, error) {
	out, err := dataset.FitTransform(t, d)
	if err != nil {
		return nil, err
	}
	st, err := stepOf(t)
	if err != nil {
		return nil, err
	}
	p.Steps = append(p.Steps, st)
	return out[0], nil
}

// stepOf records a fitted transformer.
func stepOf(t dataset.Transformer) (Step, error) {
	switch t := t.(type) {
	case *dataset.Scaler:
		return Step{Kind: "standard", Mean: t.Mean, Std: t.Std}, nil
	case *dataset.PCA:
		comp := make([][]float64, t.K)
		for k := range comp {
			comp[k] = mat.Col(nil, k, t.Components)
		}
		return Step{Kind: "pca", Mean: t.Mean, Components: comp}, nil
	case *dataset.MinMaxScaler:
		return Step{Kind: "minmax", Min: t.Min, Max: t.Max, Range: []float64{t.Lo, t.Hi}, Clip: t.Clip}, nil
	}
	return Step{}, fmt.Errorf("spec: no preprocessing step for %T", t)
}

// transformer rebuilds the fitted transform of a step read from a file,
// checking its shape.
func (st Step) transformer() (dataset.Transformer, error) {
	switch st.Kind {
	case "standard":
		if len(st.Mean) == 0 || len(st.Std) != len(st.Mean) {
			return nil, fmt.Errorf("standard step: %d means, %d deviations", len(st.Mean), len(st.Std))
		}
		return &dataset.Scaler{Mean: st.Mean, Std: st.Std}, nil
	case "pca":
		n, k := len(st.Mean), len(st.Components)
		if n == 0 || k == 0 {
			return nil, fmt.Errorf("pca step: %d means, %d components", n, k)
		}
		m := mat.NewDense(n, k, nil)
		for c, row := range st.Components {
			if len(row) != n {
				return nil, fmt.Errorf("pca step: component %d has %d entries, want %d", c, len(row), n)
			}
			m.SetCol(c, row)
		}
		return &dataset.PCA{K: k, Mean: st.Mean, Components: m}, nil
	case "minmax":
		if len(st.Min) == 0 || len(st.Max) != len(st.Min) || len(st.Range) != 2 {
			return nil, fmt.Errorf("minmax step: %d minima, %d maxima, range %v", len(st.Min), len(st.Max), st.Range)
		}
		return &dataset.MinMaxScaler{Lo: st.Range[0], Hi: st.Range[1], Clip: st.Clip, Min: st.Min, Max: st.Max}, nil
	}
	return nil, fmt.Errorf("unknown preprocessing step %q", st.Kind)
}

// selectColumns keeps the selected columns of raw data.
func (p *Preprocess) selectColumns(d *dataset.Dataset) (*dataset.Dataset, error) {
	if d.Dim() != len(p.RawFeatures) {
		return nil, fmt.Errorf("data has %d features, the model was trained on %d (%v)", d.Dim(), len(p.RawFeatures), p.RawFeatures)
	}
	if p.Select == nil {
		return d, nil
	}
	return d.SelectFeatures(p.Select...)
}

// Apply prepares raw data as the training data was: same columns, same
// fitted transforms. Labels and targets are carried over.
func (p *Preprocess) Apply(d *dataset.Dataset) (*dataset.Dataset, error) {
	cur, err := p.selectColumns(d)
	if err != nil {
		return nil, err
	}
	for i, st := range p.Steps {
		t, err := st.transformer()
		if err != nil {
			return nil, fmt.Errorf("preprocess step %d: %w", i, err)
		}
		if cur, err = t.Transform(cur); err != nil {
			return nil, fmt.Errorf("preprocess step %d (%s): %w", i, st.Kind, err)
		}
	}
	return cur, nil
}

// ApplyRows prepares raw feature vectors (each with len(RawFeatures)
// values).
func (p *Preprocess) ApplyRows(rows [][]float64) ([][]float64, error) {
	d := &dataset.Dataset{Name: "input", X: rows}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	out, err := p.Apply(d)
	if err != nil {
		return nil, err
	}
	return out.X, nil
}
