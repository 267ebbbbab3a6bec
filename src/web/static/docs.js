// Starts Swagger UI on /docs with Gremium's OpenAPI document. A file of its own, so that the page needs no inline script.
window.addEventListener("load", () => {
  window.ui = window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
