#!/bin/bash
# Renders a BPMN model's diagram to a PNG with bpmn-js (from the npm registry) in headless Chromium.
#   docs/render-diagram.sh processes/safeguarding-concern.bpmn docs/images/safeguarding-concern.png [width height]
# bpmn-js is installed once into ${BPMN_JS_DIR:-$HOME/.cache/bpmn-js-render}.
set -euo pipefail
model=$1; out=$2; width=${3:-3300}; height=${4:-1500}
work=${BPMN_JS_DIR:-$HOME/.cache/bpmn-js-render}
mkdir -p "$work"
if [ ! -f "$work/node_modules/bpmn-js/dist/bpmn-viewer.production.min.js" ]; then
  (cd "$work" && npm install --silent bpmn-js@17 >/dev/null)
fi
python3 - "$model" "$work/page.html" <<'PY'
import json, sys
xml = open(sys.argv[1], encoding="utf-8").read()
page = """<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="node_modules/bpmn-js/dist/assets/bpmn-js.css">
<style>html, body, #canvas { margin: 0; width: 100%%; height: 100%%; background: #fff; }</style></head>
<body><div id="canvas"></div>
<script src="node_modules/bpmn-js/dist/bpmn-viewer.production.min.js"></script>
<script>
  const viewer = new BpmnJS({ container: '#canvas' });
  viewer.importXML(%s)
    .then(() => viewer.get('canvas').zoom('fit-viewport'))
    .catch(error => { document.body.innerText = 'Cannot render: ' + error; });
</script></body></html>""" % json.dumps(xml)
open(sys.argv[2], "w", encoding="utf-8").write(page)
PY
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=5000 \
  --window-size="$width,$height" --screenshot="$(realpath -m "$out")" "file://$work/page.html" >/dev/null 2>&1
echo "$out"
