package com.caisschool.safeguarding.trips;

import com.caisschool.safeguarding.duties.DutiesProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The school trips page ({@code /trips}): a trip leader sees the trips they lead; the roles in
 * {@code safeguarding.duties.trip-record-readers} see every trip; anyone else sees none.
 */
@Controller
class TripsController {

  private final TripRecords trips;
  private final DutiesProperties duties;

  TripsController(TripRecords trips, DutiesProperties duties) {
    this.trips = trips;
    this.duties = duties;
  }

  @GetMapping("/trips")
  String page(Authentication user, Model model) {
    boolean readsAll = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(authority -> duties.tripRecordReaders().stream().anyMatch(group -> authority.equals("GROUP_" + group)));
    model.addAttribute("trips", readsAll ? trips.all() : trips.ledBy(user.getName()));
    model.addAttribute("readsAll", readsAll);
    return "trips/trips";
  }
}
