// vega's sub-packages ship no types of their own; vega's (vega-typings) describe the same
// exports. The trend chart imports the sub-packages rather than `vega` itself so that the
// chunk leaves out geo, force, hierarchy, voronoi, wordcloud and other transforms it never uses.

declare module 'vega-view' {
  export { View } from 'vega';
}

declare module 'vega-parser' {
  export { parse } from 'vega';
}

declare module 'vega-dataflow' {
  export { transforms } from 'vega';
}

declare module 'vega-transforms' {}
declare module 'vega-view-transforms' {}
declare module 'vega-encode' {}
