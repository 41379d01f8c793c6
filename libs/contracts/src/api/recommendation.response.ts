/** One recommendation (建议) of an evaluation. */
export interface RecommendationView {
  id: number;
  seq: number;
  title: string;
  text: string;
}
