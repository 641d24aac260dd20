//go:build !js

package assets

import "embed"

// Programs carry the data built in; the browser fetches it (see files).
//
//go:embed packed/*.bin countries/facts.json stories/*.json
var embedded embed.FS

func init() { files = embedded }
