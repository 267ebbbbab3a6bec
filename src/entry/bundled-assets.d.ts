// Module types of the assets wrangler bundles into the Worker (see the rules in wrangler.toml).
declare module "*.md" {
  const text: string;
  export default text;
}
