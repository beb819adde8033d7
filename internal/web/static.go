package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
)

//go:embed static
var staticFiles embed.FS

// asset is one static file, hashed and gzipped once at start-up so that it can be cached
// forever under a URL that changes with its content.
type asset struct {
	body, gz    []byte
	contentType string
	hash        string
}

type assets struct{ files map[string]*asset }

// loadAssets hashes and compresses the embedded files once per process: they cannot change
// while it runs, and every server started in it (tests start hundreds) shares them.
var loadAssets = sync.OnceValues(readAssets)

func readAssets() (*assets, error) {
	a := &assets{files: map[string]*asset{}}
	err := fs.WalkDir(staticFiles, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFiles.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		var gz bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		zw.Write(b)
		zw.Close()
		ct := mime.TypeByExtension(path.Ext(p))
		if ct == "" {
			ct = "application/octet-stream"
		}
		a.files[strings.TrimPrefix(p, "static/")] = &asset{body: b, gz: gz.Bytes(), contentType: ct, hash: hex.EncodeToString(sum[:6])}
		return nil
	})
	return a, err
}

// URL returns the cache-busting URL of a static file ("app.css" → "/static/1a2b3c/app.css").
func (a *assets) URL(name string) string {
	f, ok := a.files[name]
	if !ok {
		panic("unknown asset " + name) // a template names a file that does not exist: a programming error caught by tests
	}
	return "/static/" + f.hash + "/" + name
}

// serve handles GET /static/{hash}/{path...}.
func (a *assets) serve(w http.ResponseWriter, r *http.Request) {
	f, ok := a.files[r.PathValue("path")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.contentType)
	h.Set("Vary", "Accept-Encoding")
	if r.PathValue("hash") == f.hash {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") && len(f.gz) < len(f.body) {
		h.Set("Content-Encoding", "gzip")
		w.Write(f.gz)
		return
	}
	w.Write(f.body)
}
