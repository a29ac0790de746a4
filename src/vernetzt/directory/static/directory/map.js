// The map of associations: district outlines (offline), tiles only if configured,
// markers clustered. Data comes from our own compact GeoJSON endpoint.
document.addEventListener("DOMContentLoaded", () => {
  const element = document.getElementById("directory-map");
  if (!element || typeof L === "undefined") return;
  const map = L.map(element, { zoomSnap: 0.5, minZoom: 6, maxZoom: 18, zoomControl: false }).setView(
    [50.6, 9.0],
    7.5,
  );
  // Leaflet's own control says "Zoom in" in English: ours speaks the page's language.
  L.control
    .zoom({ zoomInTitle: element.dataset.zoomIn, zoomOutTitle: element.dataset.zoomOut })
    .addTo(map);
  if (element.dataset.tiles) {
    L.tileLayer(element.dataset.tiles, { maxZoom: 18, attribution: "" }).addTo(map);
  }
  fetch(element.dataset.districts, { credentials: "same-origin" })
    .then((response) => response.json())
    .then((data) => {
      const layer = L.geoJSON(data, {
        style: { color: "#0b5c8a", weight: 1, fillColor: "#f4f6f8", fillOpacity: 0.6 },
        onEachFeature: (feature, shape) => shape.bindTooltip(feature.properties.name),
      }).addTo(map);
      layer.bringToBack();
      map.fitBounds(layer.getBounds());
      element.dataset.districtsLoaded = String(data.features.length);
    });
  // A cluster is a button: its name says what it holds, not only a number.
  const clusterName = (count) => {
    const span = document.createElement("span");
    span.className = "visually-hidden";
    span.textContent = element.dataset.clusterLabel.replace("{count}", String(count));
    return span.outerHTML;
  };
  const clusters = L.markerClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    iconCreateFunction: (cluster) => {
      const count = cluster.getChildCount();
      const size = count < 10 ? "small" : count < 100 ? "medium" : "large";
      return L.divIcon({
        html: `<div><span aria-hidden="true">${count}</span>${clusterName(count)}</div>`,
        className: `marker-cluster marker-cluster-${size}`,
        iconSize: new L.Point(40, 40),
      });
    },
  });
  fetch(element.dataset.points, { credentials: "same-origin" })
    .then((response) => response.json())
    .then((data) => {
      const markers = data.features.map((feature) => {
        const [lon, lat] = feature.geometry.coordinates;
        const marker = L.marker([lat, lon], {
          title: feature.properties.n,
          alt: feature.properties.n,
          keyboard: true,
        });
        const popup = document.createElement("div");
        popup.className = "map-popup";
        const link = document.createElement("a");
        link.href = element.dataset.detailBase.replace("__slug__", feature.properties.s);
        link.textContent = feature.properties.n;
        popup.appendChild(link);
        marker.bindPopup(popup);
        return marker;
      });
      clusters.addLayers(markers);
      map.addLayer(clusters);
      element.dataset.loaded = String(markers.length);
    });
});
