// Package quiz makes map quizzes from Heartland's data: "Find Turkmenistan",
// "Where is the Kashagan oil field?", "Which country does the TAPI pipeline
// start in?". Questions come only from data fields (the layers' names,
// kinds, countries and routes, and the capitals in the country facts), so a
// quiz never states a fact the map does not hold. A set name and a seed fix
// the questions and the order of their options, so a whole class given the
// same link gets the same quiz. Session keeps the score.
//
// It must not import Ebiten or syscall/js: it runs in native tests and in
// the browser alike.
package quiz
