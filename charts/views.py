"""The dashboard's views by name, for the command line and the pages: name -> builder(frame, **options)."""
from charts.activity import activity, country_matrix
from charts.map import venue_map
from charts.network import network
from charts.timeline import timeline

#: View name -> builder taking an EVENTS frame and keyword options, returning a go.Figure.
VIEWS = {
    "timeline": timeline,
    "map": venue_map,
    "network": network,
    "activity": activity,
    "matrix": country_matrix,
}
