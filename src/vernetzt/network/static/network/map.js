// Offers and requests of the network on the map, over the directory's district outlines.
document.addEventListener("DOMContentLoaded", () => {
  const element = document.getElementById("network-map");
  if (!element || typeof L === "undefined") return;
  const map = L.map(element, { zoomSnap: 0.5, minZoom: 6, maxZoom: 18 }).setView([50.6, 9.0], 7.5);
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
    });
  const clusters = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false });
  fetch(element.dataset.points, { credentials: "same-origin" })
    .then((response) => response.json())
    .then((data) => {
      const markers = data.features.map((feature) => {
        const [lon, lat] = feature.geometry.coordinates;
        const marker = L.marker([lat, lon], { title: feature.properties.n, alt: feature.properties.n, keyboard: true });
        const popup = document.createElement("div");
        popup.className = "map-popup";
        const link = document.createElement("a");
        link.href = feature.properties.u;
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
